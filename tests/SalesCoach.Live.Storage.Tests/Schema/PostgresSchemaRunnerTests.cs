using Npgsql;
using SalesCoach.Live.Storage.Activities;
using SalesCoach.Live.Storage.Org;
using SalesCoach.Live.Storage.Postgres;
using SalesCoach.Live.Storage.Schema;
using SalesCoach.Live.Storage.Tests.Postgres;

namespace SalesCoach.Live.Storage.Tests.Schema;

/// <summary>
/// The schema runner on PostgreSQL, a new database per test: fresh, again, several nodes at once, failing, and a
/// database made by the code before the runner. Fails (never skips) when SALESCOACH_TEST_POSTGRES is not set.
/// </summary>
public sealed class PostgresSchemaRunnerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Morning = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private string? connectionString;

    private string ConnectionString => connectionString ?? throw new InvalidOperationException("No database yet.");

    public async Task InitializeAsync() => connectionString = await PostgresTestServer.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        if (connectionString is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await PostgresTestServer.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task A_fresh_database_gets_every_script_once_and_a_second_run_changes_nothing()
    {
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);

        var first = await PostgresSchemaRunner.ApplyAsync(dataSource, SchemaScripts.Postgres);
        var second = await PostgresSchemaRunner.ApplyAsync(dataSource, SchemaScripts.Postgres);

        Assert.Equal(SchemaScripts.Postgres.Select(s => s.Name), first.Applied);
        Assert.Empty(first.Adopted);
        Assert.True(second.UpToDate);
        Assert.Equal(SchemaScripts.Postgres.Select(s => s.Version), await PostgresSchemaRunner.RecordedVersionsAsync(dataSource));
        Assert.Equal(0L, await ScalarAsync(dataSource, "SELECT count(*) FROM schema_versions WHERE adopted"));
    }

    [Fact]
    public async Task Several_nodes_starting_at_once_apply_each_script_once()
    {
        // Each "node" has its own data source (its own pool), as separate processes would.
        var sources = Enumerable.Range(0, 5).Select(_ => NpgsqlDataSource.Create(ConnectionString)).ToList();
        try
        {
            var results = await Task.WhenAll(sources.Select(source => Task.Run(() => PostgresSchemaRunner.ApplyAsync(source, SchemaScripts.Postgres))));

            Assert.Single(results, r => !r.UpToDate);
            Assert.Equal(SchemaScripts.Postgres.Select(s => s.Name), results.Single(r => !r.UpToDate).Applied);
            Assert.Equal((long)SchemaScripts.Postgres.Count, await ScalarAsync(sources[0], "SELECT count(*) FROM schema_versions"));
        }
        finally
        {
            foreach (var source in sources)
            {
                await source.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Several_logs_sharing_one_database_object_open_it_once_and_work()
    {
        await using var database = new PostgresDatabase(new PostgresStorageOptions { ConnectionString = ConnectionString });
        await using var log = new PostgresActivityLog(database);
        await using var org = new PostgresOrgStore(database);

        await Task.WhenAll(
            log.AppendAsync([new ActivityToAppend("a1", "anna", "call", Morning, 1, null, null)]),
            org.SaveAsync(new NewOrgRevision("{}", "file", OrgRevisionSources.File, "h"), 0));

        Assert.Equal(SchemaScripts.Postgres.Select(s => s.Version), await PostgresSchemaRunner.RecordedVersionsAsync(database.DataSource));
        await log.DisposeAsync();
        Assert.Equal(1, await new PostgresActivityLog(database).GetRepSeqAsync("anna"));
    }

    [Fact]
    public async Task A_failing_script_leaves_the_database_as_it_was_and_names_the_script()
    {
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PostgresSchemaRunner.ApplyAsync(dataSource, SchemaScripts.Order(
            [("001_good.sql", "CREATE TABLE good (x integer);"), ("002_bad.sql", "CREATE TABLE oops (;")])));

        Assert.Contains("002_bad.sql", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await ScalarAsync(dataSource, "SELECT count(*) FROM pg_tables WHERE tablename IN ('good', 'schema_versions')"));
    }

    [Fact]
    public async Task A_database_that_records_a_script_this_build_does_not_have_is_refused()
    {
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        await PostgresSchemaRunner.ApplyAsync(dataSource, SchemaScripts.Postgres);
        await ScalarAsync(dataSource, "INSERT INTO schema_versions (version, name, adopted) VALUES (999, '999_future.sql', false) RETURNING 0");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PostgresSchemaRunner.ApplyAsync(dataSource, SchemaScripts.Postgres));

        Assert.Contains("999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_made_by_the_code_before_the_runner_is_upgraded_in_place_keeping_its_rows()
    {
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        // What the code before the runner did at every start: every script, in name order, in one transaction, with
        // nothing recorded. (The statements of the scripts did not change; their numbers and header comments did.)
        await using (var connection = await dataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            foreach (var script in SchemaScripts.Postgres.Where(s => s.Version <= LastBeforeRunner))
            {
                await using var command = new NpgsqlCommand(script.Sql, connection, transaction);
                await command.ExecuteNonQueryAsync();
            }

            await using var rows = new NpgsqlCommand("""
                INSERT INTO activities (id, rep_id, rep_seq, type, occurred_at, occurred_offset_min, quantity, received_at)
                VALUES ('old-1', 'anna', 1, 'call', '2026-03-01T09:00:00Z', 0, 1, '2026-03-01T09:00:00Z');
                INSERT INTO activity_rep_counters (rep_id, seq) VALUES ('anna', 1);
                INSERT INTO org_revisions (revision, document, saved_at, saved_by, source) VALUES (1, '{}', now(), 'file', 'file');
                """, connection, transaction);
            await rows.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        var result = await PostgresSchemaRunner.ApplyAsync(dataSource, SchemaScripts.Postgres);

        Assert.Equal(SchemaScripts.Postgres.Where(s => s.Version <= LastBeforeRunner).Select(s => s.Name), result.Adopted);
        Assert.Equal(SchemaScripts.Postgres.Where(s => s.Version > LastBeforeRunner).Select(s => s.Name), result.Applied);
        Assert.Equal((long)LastBeforeRunner, await ScalarAsync(dataSource, "SELECT count(*) FROM schema_versions WHERE adopted"));
        await using var log = new PostgresActivityLog(new PostgresStorageOptions { ConnectionString = ConnectionString });
        var appended = await log.AppendAsync([new ActivityToAppend("new-1", "anna", "call", Morning, 1, null, null)]);
        Assert.Equal(2, Assert.Single(appended.Accepted).RepSeq);
        Assert.NotNull(await log.FindAsync("old-1"));
        await using var org = new PostgresOrgStore(new PostgresStorageOptions { ConnectionString = ConnectionString });
        Assert.Equal(1, await org.GetLatestNumberAsync());
    }

    [Fact]
    public async Task A_database_holding_only_the_older_scripts_gets_the_newer_ones_run()
    {
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        // An older release that had only the activity log.
        await using (var command = dataSource.CreateCommand(SchemaScripts.Postgres[0].Sql))
        {
            await command.ExecuteNonQueryAsync();
        }

        var result = await PostgresSchemaRunner.ApplyAsync(dataSource, SchemaScripts.Postgres);

        Assert.Equal(["001_activity_log.sql"], result.Adopted);
        Assert.Equal(SchemaScripts.Postgres.Skip(1).Select(s => s.Name), result.Applied);
    }

    /// <summary>The last script the code before the runner applied (later ones are new, so run, not adopted).</summary>
    private const int LastBeforeRunner = 7;

    private static async Task<long> ScalarAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
