using SalesCoach.Live.Storage.Orleans.Sqlite;
using SalesCoach.Live.Storage.Schema;

namespace SalesCoach.Live.Storage.Tests.Schema;

/// <summary>The script sets: named NNN_name.sql, each number once, in order, and the older ones adoptable.</summary>
public sealed class SchemaScriptsTests
{
    public static TheoryData<string> Sets => ["postgres", "sqlite", "sqlite-state"];

    [Theory]
    [MemberData(nameof(Sets))]
    public void Every_set_is_numbered_1_2_3_without_gaps_or_repeats(string set)
    {
        var scripts = Of(set);

        Assert.Equal(Enumerable.Range(1, scripts.Count), scripts.Select(s => s.Version));
        Assert.All(scripts, s => Assert.StartsWith($"{s.Version:000}_", s.Name, StringComparison.Ordinal));
        Assert.Equal(scripts.Count, scripts.Select(s => s.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void Every_script_written_before_the_runner_names_the_table_that_shows_it_in_place(string set)
    {
        // All scripts of today were applied by the code before the runner, so each must be adoptable.
        var before = Of(set).Where(s => s.Version <= LastBeforeRunner(set)).ToList();
        Assert.NotEmpty(before);
        Assert.All(before, s => Assert.False(string.IsNullOrEmpty(s.AdoptIfTable), s.Name));
        Assert.All(before, s => Assert.Contains($"CREATE TABLE IF NOT EXISTS {s.AdoptIfTable} (", s.Sql, StringComparison.Ordinal));
    }

    /// <summary>The last script of each set that existed before the schema runner (later ones need no adoption).</summary>
    private static int LastBeforeRunner(string set) => set switch
    {
        "postgres" => 7,
        "sqlite" => 4,
        _ => int.MaxValue,
    };

    [Fact]
    public void The_PostgreSQL_set_is_the_deploy_folder_in_number_order()
    {
        Assert.Equal(
            ["001_activity_log.sql", "002_orleans_clustering.sql", "003_orleans_grain_state.sql", "004_orleans_reminders.sql",
             "005_wallboards.sql", "006_dead_letters.sql", "007_org_revisions.sql", "008_connectors.sql"],
            SchemaScripts.Postgres.Select(s => s.Name));
    }

    [Fact]
    public void Scripts_are_ordered_by_number_not_by_the_order_given()
    {
        var ordered = SchemaScripts.Order([("010_c.sql", "c"), ("002_b.sql", "b"), ("001_a.sql", "-- adopt-if-table: things\na")]);

        Assert.Equal([1, 2, 10], ordered.Select(s => s.Version));
        Assert.Equal("things", ordered[0].AdoptIfTable);
        Assert.Null(ordered[1].AdoptIfTable);
    }

    [Fact]
    public void Two_scripts_with_one_number_are_refused_naming_both()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SchemaScripts.Order([("002_a.sql", ""), ("002_b.sql", "")]));

        Assert.Contains("002_a.sql", error.Message, StringComparison.Ordinal);
        Assert.Contains("002_b.sql", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1_short.sql")]
    [InlineData("001-dash.sql")]
    [InlineData("001_Upper.sql")]
    [InlineData("001_no_extension")]
    public void A_name_that_is_not_NNN_name_sql_is_refused(string name)
    {
        var error = Assert.Throws<InvalidOperationException>(() => SchemaScripts.Order([(name, "")]));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    private static IReadOnlyList<SchemaScript> Of(string set) => set switch
    {
        "postgres" => SchemaScripts.Postgres,
        "sqlite" => SchemaScripts.Sqlite,
        _ => SqliteGrainDatabase.Scripts,
    };
}
