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
    public async Task Grain_state_lives_in_the_activity_logs_file_and_both_keep_working()
    {
        await using var log = new SqliteActivityLog(Options, TimeProvider.System);
        await log.AppendAsync([new ActivityToAppend("a1", "anna", "call", DateTimeOffset.UtcNow, 1, null, null)]);
        var storage = await OpenGrainStorageAsync();

        await storage.WriteStateAsync("tally", GrainId.Create("rep", "anna"), new GrainState<TallyState>(new TallyState { Calls = 1 }));
        await log.AppendAsync([new ActivityToAppend("a2", "anna", "call", DateTimeOffset.UtcNow, 1, null, null)]);

        Assert.Equal(Path.GetFullPath(Options.Path), log.FilePath);
        Assert.Equal(log.FilePath, _open[0].FilePath);
        Assert.Equal(2, await log.GetRepSeqAsync("anna"));
        Assert.NotNull(await StoredPayloadAsync("tally", GrainId.Create("rep", "anna")));
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
        await using var connection = new SqliteConnection($"Data Source={Options.Path};Pooling=False");
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
