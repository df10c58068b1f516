using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Storage;
using SalesCoach.Live.Storage.Orleans;
using SalesCoach.Live.Storage.Schema;
using SalesCoach.Live.Storage.Orleans.Serialization;
using SalesCoach.Live.Storage.Tests.Postgres;

namespace SalesCoach.Live.Storage.Tests.Orleans;

/// <summary>
/// The Orleans store contract on PostgreSQL through the Orleans ADO.NET providers and the project's own SQL, a new
/// database per test. Fails (never skips) when SALESCOACH_TEST_POSTGRES is not set.
/// </summary>
public sealed class PostgresOrleansStoreTests : OrleansStoreContract
{
    private readonly List<IAsyncDisposable> _open = [];
    private string? _connectionString;

    private string ConnectionString => _connectionString ?? throw new InvalidOperationException("No database yet.");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _connectionString = await PostgresTestServer.CreateDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(_connectionString);
        await PostgresSchemaRunner.ApplyAsync(dataSource, SchemaScripts.Postgres);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_connectionString is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await PostgresTestServer.DropDatabaseAsync(_connectionString);
        }
    }

    [Fact]
    public async Task The_schema_scripts_apply_again_without_harm_and_keep_state_and_reminders()
    {
        var storage = await OpenGrainStorageAsync();
        var state = new GrainState<TallyState>(new TallyState { Calls = 3 });
        await storage.WriteStateAsync("tally", GrainId.Create("rep", "anna"), state);

        await using (var dataSource = NpgsqlDataSource.Create(ConnectionString))
        {
            Assert.True((await PostgresSchemaRunner.ApplyAsync(dataSource, SchemaScripts.Postgres)).UpToDate);
            Assert.Equal(SchemaScripts.Postgres.Select(s => s.Version), await PostgresSchemaRunner.RecordedVersionsAsync(dataSource));
        }

        string[] names = ["001_activity_log.sql", "002_orleans_clustering.sql", "003_orleans_grain_state.sql", "004_orleans_reminders.sql"];
        Assert.All(names, name => Assert.Contains(SchemaScripts.Postgres, s => s.Name == name));
        state.State!.Calls = 4;
        await storage.WriteStateAsync("tally", GrainId.Create("rep", "anna"), state);
    }

    [Fact]
    public async Task The_query_table_holds_every_query_the_providers_ask_for()
    {
        string[] expected =
        [
            "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey", "ClearStorageKey", "DeleteMembershipTableEntriesKey",
            "DeleteReminderRowKey", "DeleteReminderRowsKey", "DeleteStorageKey", "GatewaysQueryKey", "InsertMembershipKey",
            "InsertMembershipVersionKey", "MembershipReadAllKey", "MembershipReadRowKey", "ReadFromStorageKey", "ReadRangeRows1Key",
            "ReadRangeRows2Key", "ReadReminderRowKey", "ReadReminderRowsKey", "UpdateIAmAlivetimeKey", "UpdateMembershipKey",
            "UpsertReminderRowKey", "WriteToStorageKey",
        ];
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT QueryKey FROM OrleansQuery ORDER BY 1", connection);
        var keys = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                keys.Add(reader.GetString(0));
            }
        }

        Assert.Equal(expected.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
    }

    protected override async Task<IGrainStorage> OpenGrainStorageAsync()
    {
        var storage = new AdoNetGrainStorage(
            new NewInstanceActivators(),
            NullLogger<AdoNetGrainStorage>.Instance,
            Options.Create(new AdoNetGrainStorageOptions
            {
                Invariant = OrleansStorageSiloBuilderExtensions.PostgresInvariant,
                ConnectionString = ConnectionString,
                GrainStorageSerializer = new JsonGrainStateSerializer(),
                HashPicker = new StorageHasherPicker([new OrleansDefaultHasher()]),
            }),
            Options.Create(new ClusterOptions { ClusterId = "contract", ServiceId = ServiceId }),
            OrleansStorageSiloBuilderExtensions.StoreName);

        // The provider loads its queries at the silo's start: run that start.
        var lifecycle = new SiloLifecycleSubject(NullLogger<SiloLifecycleSubject>.Instance);
        storage.Participate(lifecycle);
        await lifecycle.OnStart();
        _open.Add(new Stopper(lifecycle));
        return storage;
    }

    protected override async Task<IReminderTable> OpenReminderTableAsync()
    {
        var services = new ServiceCollection()
            .Configure<ClusterOptions>(options => options.ServiceId = ServiceId)
            .UseAdoNetReminderService(options => options.Configure(o =>
            {
                o.Invariant = OrleansStorageSiloBuilderExtensions.PostgresInvariant;
                o.ConnectionString = ConnectionString;
            }))
            .BuildServiceProvider();
        _open.Add(services);
        var table = services.GetRequiredService<IReminderTable>();
        await table.StartAsync();
        return table;
    }

    protected override async Task CloseAsync()
    {
        foreach (var open in _open)
        {
            await open.DisposeAsync();
        }

        _open.Clear();
        NpgsqlConnection.ClearAllPools();
    }

    protected override async Task<string?> StoredPayloadAsync(string stateName, GrainId grainId)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT payload::text FROM orleans_grain_state WHERE service_id = @service AND grain_type = @state AND grain_id_ext = @key", connection);
        command.Parameters.AddWithValue("service", ServiceId);
        command.Parameters.AddWithValue("state", stateName);
        command.Parameters.AddWithValue("key", grainId.Key.ToString()!);
        return await command.ExecuteScalarAsync() as string;
    }

    private sealed class Stopper(SiloLifecycleSubject lifecycle) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await lifecycle.OnStop();
    }
}
