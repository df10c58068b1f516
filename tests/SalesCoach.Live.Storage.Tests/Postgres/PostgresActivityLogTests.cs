using Npgsql;
using SalesCoach.Live.Storage.Activities;
using SalesCoach.Live.Storage.Postgres;
using SalesCoach.Live.Storage.Schema;
using SalesCoach.Live.Storage.Tests.Activities;

namespace SalesCoach.Live.Storage.Tests.Postgres;

/// <summary>
/// The activity log contract against PostgreSQL, a new database per test. Fails (never skips) when
/// SALESCOACH_TEST_POSTGRES is not set.
/// </summary>
public sealed class PostgresActivityLogTests : ActivityLogContract
{
    private string? connectionString;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        connectionString = await PostgresTestServer.CreateDatabaseAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (connectionString is not null)
        {
            await PostgresTestServer.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task Two_servers_writing_the_same_reps_at_once_keep_RepSeq_gap_free()
    {
        // Two logs on one database behave like two server processes: each has its own writer loop and connections.
        var first = Open();
        var second = Open();
        string[] reps = ["anna", "ben", "cleo"];

        var results = await Task.WhenAll(new[] { first, second }.SelectMany(log => Enumerable.Repeat(log, 4)).Select((log, writer) => Task.Run(async () =>
        {
            var accepted = 0;
            for (var b = 0; b < 20; b++)
            {
                // Overlapping ids between writers, and batches that touch the reps in different orders.
                var batch = Enumerable.Range(0, 15)
                    .Select(i => ((writer % 3) * 40) + (b * 15) + i)
                    .Select(n => Activity($"id-{n}", reps[(n + writer) % reps.Length]))
                    .ToList();
                accepted += (await log.AppendAsync(batch)).Accepted.Count;
            }

            return accepted;
        })));

        var total = 0;
        foreach (var rep in reps)
        {
            var tail = await first.ReadRepTailAsync(rep, 0);
            Assert.Equal(Enumerable.Range(1, tail.Count).Select(n => (long)n), tail.Select(a => a.RepSeq));
            total += tail.Count;
        }

        Assert.Equal(results.Sum(), total);
        Assert.Equal(total, (await first.ReadByOccurrenceAsync(reps, Morning, Morning)).Select(a => a.Id).Distinct().Count());
    }

    [Fact]
    public async Task The_schema_script_can_be_applied_again_without_harm()
    {
        var log = Open();
        await log.AppendAsync([Activity("a1")]);

        await using (var dataSource = NpgsqlDataSource.Create(connectionString!))
        {
            Assert.True((await PostgresSchemaRunner.ApplyAsync(dataSource, SchemaScripts.Postgres)).UpToDate);
        }

        log = await ReopenAsync(log);
        var again = await log.AppendAsync([Activity("a1"), Activity("a2")]);
        Assert.Equal(1, again.Duplicates);
        Assert.Equal(2, Assert.Single(again.Accepted).RepSeq);
    }

    protected override IActivityLog CreateLog(TimeProvider timeProvider) =>
        new PostgresActivityLog(new PostgresStorageOptions { ConnectionString = connectionString! }, timeProvider);

    protected override void FailTransactionsWhen(IActivityLog log, Func<IReadOnlyList<ActivityToAppend>, bool> predicate) =>
        ((PostgresActivityLog)log).BeforeCommit = batch =>
        {
            if (predicate(batch))
            {
                throw new InvalidOperationException("Injected failure before commit.");
            }
        };
}
