using Microsoft.Data.Sqlite;
using Orleans.Storage;
using SalesCoach.Live.Storage.Activities;
using SalesCoach.Live.Storage.Orleans.Serialization;
using SalesCoach.Live.Storage.Orleans.Sqlite;
using SalesCoach.Live.Storage.Sqlite;

namespace SalesCoach.Live.Storage.Tests.Orleans;

/// <summary>The Orleans store contract on SQLite: a new file per test, shared with an activity log as in the server.</summary>
public sealed class SqliteOrleansStoreTests : OrleansStoreContract
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "salescoach-storage-tests", Guid.NewGuid().ToString("N"));
    private readonly List<SqliteGrainDatabase> _open = [];

    private SqliteStorageOptions Options => new() { Path = Path.Combine(_directory, "nested", "salescoach.db") };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Grain_state_lives_in_its_own_file_beside_the_log_and_both_keep_working()
    {
        await using var log = new SqliteActivityLog(Options, TimeProvider.System);
        await log.AppendAsync([new ActivityToAppend("a1", "anna", "call", DateTimeOffset.UtcNow, 1, null, null)]);
        var storage = await OpenGrainStorageAsync();

        await storage.WriteStateAsync("tally", GrainId.Create("rep", "anna"), new GrainState<TallyState>(new TallyState { Calls = 1 }));
        await log.AppendAsync([new ActivityToAppend("a2", "anna", "call", DateTimeOffset.UtcNow, 1, null, null)]);

        Assert.Equal(Path.GetFullPath(Options.Path), log.FilePath);
        Assert.Equal(Path.Combine(Path.GetDirectoryName(log.FilePath)!, "salescoach-state.db"), _open[0].FilePath);
        Assert.Equal(2, await log.GetRepSeqAsync("anna"));
        Assert.NotNull(await StoredPayloadAsync("tally", GrainId.Create("rep", "anna")));
    }

    [Fact]
    public async Task A_new_state_file_takes_over_the_grain_state_and_reminders_an_earlier_version_kept_in_the_log_file()
    {
        // An earlier version's store: the Orleans tables inside the log's file.
        Directory.CreateDirectory(Path.GetDirectoryName(Options.Path)!);
        await using (var old = new SqliteConnection($"Data Source={Options.Path};Pooling=False"))
        {
            await old.OpenAsync();
            await using var command = old.CreateCommand();
            command.CommandText = """
                CREATE TABLE orleans_grain_state (service_id TEXT NOT NULL, state_name TEXT NOT NULL, grain_id TEXT NOT NULL,
                    payload TEXT NULL, version INTEGER NOT NULL, modified_us INTEGER NOT NULL, PRIMARY KEY (service_id, state_name, grain_id)) WITHOUT ROWID;
                CREATE TABLE orleans_reminders (service_id TEXT NOT NULL, grain_id TEXT NOT NULL, reminder_name TEXT NOT NULL,
                    start_at_ticks INTEGER NOT NULL, period_ms INTEGER NOT NULL, grain_hash INTEGER NOT NULL, version INTEGER NOT NULL,
                    PRIMARY KEY (service_id, grain_id, reminder_name)) WITHOUT ROWID;
                INSERT INTO orleans_grain_state VALUES ($service, 'tally', 'rep/anna', '{"Calls":7}', 3, 0);
                INSERT INTO orleans_reminders VALUES ($service, 'competition/c1', 'end', 0, 60000, 42, 1);
                """;
            command.Parameters.AddWithValue("$service", ServiceId);
            await command.ExecuteNonQueryAsync();
        }

        var storage = await OpenGrainStorageAsync();
        var state = new GrainState<TallyState>();
        await storage.ReadStateAsync("tally", GrainId.Create("rep", "anna"), state);
        Assert.Equal(7, state.State!.Calls);
        Assert.Equal("3", state.ETag);

        // The next write moves the copy on from the old version; the old file's row is left as it was.
        state.State.Calls = 8;
        await storage.WriteStateAsync("tally", GrainId.Create("rep", "anna"), state);
        Assert.Equal("4", state.ETag);
        var reminders = await OpenReminderTableAsync();
        var entry = await reminders.ReadRow(GrainId.Parse("competition/c1"), "end");
        Assert.NotNull(entry);
    }

    protected override Task<IGrainStorage> OpenGrainStorageAsync() =>
        Task.FromResult<IGrainStorage>(new SqliteGrainStorage(Open(), ServiceId, new JsonGrainStateSerializer(), new NewInstanceActivators()));

    protected override Task<IReminderTable> OpenReminderTableAsync() =>
        Task.FromResult<IReminderTable>(new SqliteReminderTable(Open(), ServiceId));

    protected override async Task CloseAsync()
    {
        foreach (var database in _open)
        {
            await database.DisposeAsync();
        }

        _open.Clear();
    }

    protected override async Task<string?> StoredPayloadAsync(string stateName, GrainId grainId)
    {
        await using var connection = new SqliteConnection($"Data Source={SqliteGrainDatabase.StatePathOf(Options.Path)};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM orleans_grain_state WHERE service_id = $service AND state_name = $state AND grain_id = $grain";
        command.Parameters.AddWithValue("$service", ServiceId);
        command.Parameters.AddWithValue("$state", stateName);
        command.Parameters.AddWithValue("$grain", grainId.ToString());
        return await command.ExecuteScalarAsync() as string;
    }

    private SqliteGrainDatabase Open()
    {
        var database = new SqliteGrainDatabase(Options);
        _open.Add(database);
        return database;
    }
}
