using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using SalesCoach.Live.Storage.Activities;
using SalesCoach.Live.Storage.Orleans.Sqlite;
using SalesCoach.Live.Storage.Schema;
using SalesCoach.Live.Storage.Sqlite;
using SalesCoach.Live.Storage.Wallboards;

namespace SalesCoach.Live.Storage.Tests.Schema;

/// <summary>The schema runner on SQLite files: fresh, again, at once, failing, and files made by the code before it.</summary>
public sealed class SqliteSchemaRunnerTests : IDisposable
{
    private static readonly DateTimeOffset Morning = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly string directory = Path.Combine(Path.GetTempPath(), "salescoach-storage-tests", Guid.NewGuid().ToString("N"));

    public SqliteSchemaRunnerTests() => Directory.CreateDirectory(directory);

    private string DatabasePath => Path.Combine(directory, "salescoach.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void A_fresh_file_gets_every_script_once_recorded_with_the_time()
    {
        var clock = new FakeTimeProvider(Morning);
        using var connection = Open();

        var result = SqliteSchemaRunner.Apply(connection, SchemaScripts.Sqlite, clock);

        Assert.Equal(SchemaScripts.Sqlite.Select(s => s.Name), result.Applied);
        Assert.Empty(result.Adopted);
        Assert.Equal(SchemaScripts.Sqlite.Select(s => s.Version), SqliteSchemaRunner.RecordedVersions(connection));
        Assert.Equal(Morning.ToString("O"), Scalar(connection, "SELECT applied_at FROM schema_versions WHERE version = 1"));
        Assert.All(["activities", "wallboards", "dead_letters", "org_revisions"], table => Assert.True(TableExists(connection, table), table));
    }

    [Fact]
    public void Running_twice_applies_nothing_the_second_time()
    {
        using var connection = Open();
        SqliteSchemaRunner.Apply(connection, SchemaScripts.Sqlite);

        var again = SqliteSchemaRunner.Apply(connection, SchemaScripts.Sqlite);

        Assert.True(again.UpToDate);
        Assert.Equal(SchemaScripts.Sqlite.Count, Convert.ToInt32(Scalar(connection, "SELECT count(*) FROM schema_versions")));
    }

    [Fact]
    public async Task Two_runners_at_once_on_one_file_apply_each_script_once()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            using var connection = Open();
            return SqliteSchemaRunner.Apply(connection, SchemaScripts.Sqlite);
        })));

        Assert.Single(results, r => !r.UpToDate);
        Assert.Equal(SchemaScripts.Sqlite.Select(s => s.Name), results.Single(r => !r.UpToDate).Applied);
        using var check = Open();
        Assert.Equal(SchemaScripts.Sqlite.Select(s => s.Version), SqliteSchemaRunner.RecordedVersions(check));
    }

    [Fact]
    public void Only_the_new_scripts_run_on_a_file_that_has_the_older_ones()
    {
        using var connection = Open();
        SqliteSchemaRunner.Apply(connection, SchemaScripts.Order([("001_first.sql", "CREATE TABLE first (x INTEGER);")]));

        var result = SqliteSchemaRunner.Apply(connection, SchemaScripts.Order(
            [("001_first.sql", "CREATE TABLE first (x INTEGER);"), ("002_second.sql", "CREATE TABLE second (y INTEGER);")]));

        Assert.Equal(["002_second.sql"], result.Applied);
        Assert.True(TableExists(connection, "second"));
    }

    [Fact]
    public void A_failing_script_leaves_the_file_as_it_was_and_names_the_script()
    {
        using var connection = Open();

        var error = Assert.Throws<InvalidOperationException>(() => SqliteSchemaRunner.Apply(connection, SchemaScripts.Order(
            [("001_good.sql", "CREATE TABLE good (x INTEGER);"), ("002_bad.sql", "CREATE TABLE oops (;")])));

        Assert.Contains("002_bad.sql", error.Message, StringComparison.Ordinal);
        Assert.False(TableExists(connection, "good"));
        Assert.False(TableExists(connection, "schema_versions"));
    }

    [Fact]
    public void A_file_that_records_a_script_this_build_does_not_have_is_refused()
    {
        using var connection = Open();
        SqliteSchemaRunner.Apply(connection, SchemaScripts.Sqlite);
        Execute(connection, "INSERT INTO schema_versions (version, name, applied_at, adopted) VALUES (999, '999_future.sql', 'x', 0)");

        var error = Assert.Throws<InvalidOperationException>(() => SqliteSchemaRunner.Apply(connection, SchemaScripts.Sqlite));

        Assert.Contains("999", error.Message, StringComparison.Ordinal);
        Assert.Contains("newer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_made_by_the_code_before_the_runner_is_upgraded_in_place_keeping_its_rows()
    {
        // The log and the wallboards were used before; dead letters and org revisions never were (no tables yet).
        using (var legacy = Open())
        {
            Execute(legacy, LegacySqliteSql.ActivityLog);
            Execute(legacy, LegacySqliteSql.Wallboards);
            Execute(legacy, """
                INSERT INTO activities (id, rep_id, rep_seq, type, occurred_at_us, occurred_offset_min, quantity, value, source, received_at_us)
                VALUES ('old-1', 'anna', 1, 'call', 1772442000000000, 0, 1, NULL, NULL, 1772442000000000);
                INSERT INTO wallboards (id, title, teams, slides, dwell_seconds, theme, revision, created_at_us, updated_at_us)
                VALUES ('floor', 'Floor', '["emea"]', '["leaderboard"]', 20, 'dark', 3, 0, 0);
                UPDATE wallboard_changes SET stamp = 7 WHERE id = 1;
                """);
        }

        SchemaRunResult result;
        using (var connection = Open())
        {
            result = SqliteSchemaRunner.Apply(connection, SchemaScripts.Sqlite);
            Assert.Equal([1, 2, 3, 4, 5], SqliteSchemaRunner.RecordedVersions(connection));
            Assert.Equal(2L, Scalar(connection, "SELECT count(*) FROM schema_versions WHERE adopted = 1"));
        }

        Assert.Equal(["001_activity_log.sql", "002_wallboards.sql"], result.Adopted);
        Assert.Equal(["003_dead_letters.sql", "004_org_revisions.sql", "005_connectors.sql"], result.Applied);

        // The stores read the old rows and go on from them.
        await using var log = new SqliteActivityLog(new SqliteStorageOptions { Path = DatabasePath });
        var appended = await log.AppendAsync([new ActivityToAppend("new-1", "anna", "call", Morning, 1, null, null)]);
        Assert.Equal(2, Assert.Single(appended.Accepted).RepSeq);
        Assert.NotNull(await log.FindAsync("old-1"));
        await using var boards = new SqliteWallboardStore(new SqliteStorageOptions { Path = DatabasePath });
        Assert.Equal(3, (await boards.FindAsync("floor"))!.Revision);
        Assert.Equal(7, await boards.GetChangeStampAsync());
    }

    [Fact]
    public async Task The_stores_run_the_upgrade_themselves_on_first_use()
    {
        using (var legacy = Open())
        {
            Execute(legacy, LegacySqliteSql.ActivityLog);
            Execute(legacy, LegacySqliteSql.OrgRevisions);
            Execute(legacy, """
                INSERT INTO activities (id, rep_id, rep_seq, type, occurred_at_us, occurred_offset_min, quantity, value, source, received_at_us)
                VALUES ('old-1', 'anna', 1, 'call', 1772442000000000, 0, 1, NULL, NULL, 1772442000000000);
                """);
        }

        await using (var log = new SqliteActivityLog(new SqliteStorageOptions { Path = DatabasePath }))
        {
            Assert.Equal(1, await log.GetRepSeqAsync("anna"));
        }

        using var connection = Open();
        Assert.Equal([1, 2, 3, 4, 5], SqliteSchemaRunner.RecordedVersions(connection));
        Assert.Equal("001_activity_log.sql,004_org_revisions.sql", Scalar(connection, "SELECT group_concat(name, ',') FROM (SELECT name FROM schema_versions WHERE adopted = 1 ORDER BY version)"));
    }

    [Fact]
    public async Task A_grain_state_file_made_by_the_code_before_the_runner_keeps_its_state()
    {
        var options = new SqliteStorageOptions { Path = DatabasePath };
        var statePath = SqliteGrainDatabase.StatePathOf(DatabasePath);
        using (var legacy = new SqliteConnection($"Data Source={statePath};Pooling=False"))
        {
            legacy.Open();
            Execute(legacy, LegacySqliteSql.GrainState);
            Execute(legacy, "INSERT INTO orleans_grain_state VALUES ('svc', 'tally', 'rep/anna', '{\"calls\":3}', 4, 0)");
            Execute(legacy, "INSERT INTO orleans_reminders VALUES ('svc', 'rep/anna', 'tick', 0, 60000, 42, 1)");
        }

        await using (var database = new SqliteGrainDatabase(options))
        {
            var reminders = await new SqliteReminderTable(database, "svc").ReadRows(GrainId.Create("rep", "anna"));
            Assert.Equal("tick", Assert.Single(reminders.Reminders).ReminderName);
        }

        using var check = new SqliteConnection($"Data Source={statePath};Pooling=False");
        check.Open();
        Assert.Equal([1, 2], SqliteSchemaRunner.RecordedVersions(check));
        Assert.Equal(2L, Scalar(check, "SELECT count(*) FROM schema_versions WHERE adopted = 1"));
        Assert.Equal("{\"calls\":3}", Scalar(check, "SELECT payload FROM orleans_grain_state WHERE grain_id = 'rep/anna'"));
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA journal_mode = WAL;");
        return connection;
    }

    private static bool TableExists(SqliteConnection connection, string table) =>
        (long)Scalar(connection, $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'")! > 0;

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
