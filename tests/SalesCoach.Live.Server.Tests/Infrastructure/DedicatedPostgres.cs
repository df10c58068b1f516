using System.Diagnostics;
using Npgsql;

namespace SalesCoach.Live.Server.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server of one test's own (not the shared one named by SALESCOACH_TEST_POSTGRES), on a free loopback
/// port with a data directory in a temp folder, started by tests/run-postgres.sh (PGPORT and SALESCOACH_PGDATA pick
/// them). The test may really stop it (<see cref="StopAsync"/>, pg_ctl) and start it again (<see cref="StartAsync"/>).
/// <see cref="DisposeAsync"/> stops it and deletes the data directory, also when the test failed; a test run that ends
/// abruptly stops it on process exit.
/// <para>
/// Like the other PostgreSQL tests, it needs SALESCOACH_TEST_POSTGRES to be set (the sign that this machine runs the
/// PostgreSQL tests, as CI does): without it the test fails saying how to start a server, it never skips silently.
/// </para>
/// </summary>
public sealed class DedicatedPostgres : IAsyncDisposable
{
    public const string Variable = "SALESCOACH_TEST_POSTGRES";

    /// <summary>The longest any pg_ctl or run-postgres.sh call may take before the test gives up on it.</summary>
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);

    private readonly EventHandler _stopOnExit;
    private int _disposed;

    private DedicatedPostgres(int port, string dataDirectory)
    {
        Port = port;
        DataDirectory = dataDirectory;
        _stopOnExit = (_, _) => StopImmediatelyOnExit();
        AppDomain.CurrentDomain.ProcessExit += _stopOnExit;
    }

    public int Port { get; }

    public string DataDirectory { get; }

    /// <summary>The superuser's connection string to the <c>postgres</c> database (trust authentication, as run-postgres.sh sets up).</summary>
    public string AdminConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = "postgres",
        Pooling = false,
        Timeout = 5,
    }.ConnectionString;

    /// <summary>Initialises and starts a new server; fails the test (with the reason) when the variable is unset or the server does not start.</summary>
    public static async Task<DedicatedPostgres> StartNewAsync()
    {
        RequireVariable();
        var port = FreePort.Next();
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"salescoach-pg-dedicated-{Guid.NewGuid():N}");
        var server = new DedicatedPostgres(port, dataDirectory);
        try
        {
            await server.StartAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Starts the server (again) with tests/run-postgres.sh; returns once it accepts connections.</summary>
    public async Task StartAsync()
    {
        var script = Path.Combine(RepositoryRoot.Path, "tests", "run-postgres.sh");
        await RunAsync("bash", [script], new Dictionary<string, string> { ["PGPORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["SALESCOACH_PGDATA"] = DataDirectory });
    }

    /// <summary>Stops the server with pg_ctl (<c>fast</c>: open sessions are cut, as when an operator stops it); returns once it is down.</summary>
    public Task StopAsync(string mode = "fast") => PgCtlStopAsync(mode);

    /// <summary>Creates a database on this server and returns a (pooled) connection string that points at it.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    /// <summary>Runs one scalar query in <paramref name="database"/> on a connection of its own (no pool).</summary>
    public async Task<T> ScalarAsync<T>(string database, string sql)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Stops the server (immediate) and deletes its data directory.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= _stopOnExit;
        try
        {
            await PgCtlStopAsync("immediate");
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            // Not running (never started, or already stopped): nothing to stop.
        }

        for (var attempt = 1; Directory.Exists(DataDirectory); attempt++)
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException) when (attempt < 5)
            {
                await Task.Delay(200);
            }
        }
    }

    private static void RequireVariable()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
        {
            throw new InvalidOperationException(
                $"The PostgreSQL tests need PostgreSQL: set {Variable} to an Npgsql connection string of a user who may create " +
                "databases, e.g. 'Host=127.0.0.1;Port=5433;Username=postgres;Database=postgres'. To start a throwaway server " +
                "and set it: pg_env=$(bash tests/run-postgres.sh) && eval \"$pg_env\" (tests/run-all.sh does this). This test " +
                "starts a server of its own besides, with the same script and binaries.");
        }
    }

    private void StopImmediatelyOnExit()
    {
        try
        {
            PgCtlStopAsync("immediate").Wait(TimeSpan.FromSeconds(20));
        }
        catch (Exception)
        {
            // The process is ending; nothing more can be done.
        }
    }

    // pg_ctl refuses root like initdb: as root it runs as the postgres user, as run-postgres.sh does. Values go in by
    // environment variables, so nothing needs quoting.
    private Task PgCtlStopAsync(string mode) => RunAsync(
        "bash",
        ["-c", """
               set -eu
               pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
               cmd="'$pgbin/pg_ctl' -D '$SALESCOACH_PGDATA' -m $PG_STOP_MODE -w -t 60 stop"
               if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$cmd"; else sh -c "$cmd"; fi
               """],
        new Dictionary<string, string> { ["SALESCOACH_PGDATA"] = DataDirectory, ["PG_STOP_MODE"] = mode });

    private static async Task RunAsync(string fileName, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {CommandTimeout.TotalSeconds} s: {await stderr}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await stderr}{await stdout}");
        }
    }
}
