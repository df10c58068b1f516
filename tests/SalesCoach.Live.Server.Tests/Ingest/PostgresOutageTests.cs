using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using SalesCoach.Live.Server.Tests.Infrastructure;

namespace SalesCoach.Live.Server.Tests.Ingest;

/// <summary>
/// The PostgreSQL half of "the store unavailable for a while": a server of the test's own is really stopped while the
/// app runs, then started again, and the app (activity log and grain storage on that server) recovers without a restart.
/// The SQLite half is in <see cref="FaultTests"/>.
/// </summary>
public sealed class PostgresOutageTests
{
    private const string Database = "salescoach";

    /// <summary>How long the live board may take to show what ingest acknowledged (the grains update it right after).</summary>
    private static readonly TimeSpan BoardSettles = TimeSpan.FromSeconds(10);

    /// <summary>Every HTTP call of the test gives up after this, so a hanging server fails the test instead of stalling it.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_stopped_postgres_answers_503_with_retry_after_and_recovers_without_a_restart()
    {
        await using var postgres = await DedicatedPostgres.StartNewAsync();
        var connectionString = await postgres.CreateDatabaseAsync(Database);
        using var app = new SalesCoachApp(settings: new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:Postgres:ConnectionString"] = connectionString,
            ["Cluster:AdvertisedIPAddress"] = "127.0.0.1",
            ["Ingest:StoreTimeoutSeconds"] = "1",
        });
        using var ingest = app.Client(SalesCoachApp.IngestKey);
        ingest.Timeout = RequestTimeout;
        using var reader = app.Client(SalesCoachApp.ReadKey);
        reader.Timeout = RequestTimeout;

        // The live board counts today's calls (UTC, team "live"): keep the test clear of midnight.
        var untilMidnight = DateTimeOffset.UtcNow.Date.AddDays(1) - DateTime.UtcNow;
        if (untilMidnight < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(untilMidnight + TimeSpan.FromSeconds(15));
        }

        var occurredAt = DateTimeOffset.UtcNow.AddSeconds(-5);
        var stopped = false;
        try
        {
            // 1. PostgreSQL runs: a batch is taken and counted.
            // (On a busy machine even this may meet the 1 s store timeout: the client retries, as for any 503.)
            await Retrying.PostActivitiesAsync(ingest, Batch("pgdown-before", 10, occurredAt));
            Assert.Equal(10, await LiveCallsAsync(reader, expected: 10));

            // 2. PostgreSQL stops: the next batch is refused within the store timeout, saying when to come back; the
            // live board still answers from memory with exactly what was taken.
            await postgres.StopAsync();
            stopped = true;
            var during = Batch("pgdown-during", 15, occurredAt);
            var clock = Stopwatch.StartNew();
            var refused = await ingest.PostAsJsonAsync("/api/activities", during);
            var refusedAfter = clock.Elapsed;
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(refused.Headers.RetryAfter);
            Assert.True(refusedAfter < TimeSpan.FromSeconds(10), $"The refusal took {refusedAfter}; the store timeout is 1 s.");

            // The first refusal typically meets a pooled connection the server cut; a second one meets a refused
            // connect. Both are "come back later", promptly.
            clock.Restart();
            var refusedAgain = await ingest.PostAsJsonAsync("/api/activities", during);
            refusedAfter = clock.Elapsed;
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refusedAgain.StatusCode);
            Assert.Equal("application/problem+json", refusedAgain.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(refusedAgain.Headers.RetryAfter);
            Assert.True(refusedAfter < TimeSpan.FromSeconds(10), $"The second refusal took {refusedAfter}; the store timeout is 1 s.");
            Assert.Equal(10, await LiveCallsAsync(reader, expected: 10));

            // A read that needs the store (the board as of an instant is built from the log) says the same, not 500.
            var dated = await reader.GetAsync($"/api/teams/live/board?at={Uri.EscapeDataString(occurredAt.ToString("O", CultureInfo.InvariantCulture))}");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, dated.StatusCode);
            Assert.Equal("application/problem+json", dated.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(dated.Headers.RetryAfter);

            // 3. PostgreSQL starts again, the app is not restarted: the client retries the refused batch (same ids),
            // waiting as Retry-After says (capped at 2 s to keep the test short), until it is taken. It lands exactly once.
            await postgres.StartAsync();
            stopped = false;
            var (retried, _) = await Retrying.PostActivitiesAsync(ingest, during, maxAttempts: 15, maxWait: TimeSpan.FromSeconds(2));
            Assert.Equal(15, retried.GetProperty("accepted").GetInt32() + retried.GetProperty("duplicates").GetInt32());
            Assert.Equal(25, await LiveCallsAsync(reader, expected: 25));
            Assert.Equal(25L, await postgres.ScalarAsync<long>(Database, "SELECT count(*) FROM activities"));
            Assert.Equal(25L, await postgres.ScalarAsync<long>(Database, "SELECT count(DISTINCT id) FROM activities"));
            Assert.Equal(15L, await postgres.ScalarAsync<long>(Database, "SELECT count(*) FROM activities WHERE id LIKE 'pgdown-during-%'"));

            // 4. A fresh batch after the recovery is taken promptly.
            clock.Restart();
            var after = await ingest.PostAsJsonAsync("/api/activities", Batch("pgdown-after", 5, occurredAt));
            var acceptedAfter = clock.Elapsed;
            Assert.Equal(HttpStatusCode.Accepted, after.StatusCode);
            Assert.True(acceptedAfter < TimeSpan.FromSeconds(5), $"The first batch after the recovery took {acceptedAfter}.");
            Assert.Equal(30, await LiveCallsAsync(reader, expected: 30));
            Assert.Equal(30L, await postgres.ScalarAsync<long>(Database, "SELECT count(*) FROM activities"));
        }
        finally
        {
            if (stopped)
            {
                // A failure while PostgreSQL was down: bring it back, so that the app stops in seconds rather than
                // waiting a minute on its membership table.
                await postgres.StartAsync();
            }
        }
    }

    private static List<Dictionary<string, object?>> Batch(string prefix, int count, DateTimeOffset occurredAt) =>
        Enumerable.Range(0, count).Select(i => TestActivity.Of("lena", "call", occurredAt, id: $"{prefix}-{i}")).ToList();

    /// <summary>
    /// Lena's calls today on the live board (the team grain's snapshot, in memory): read until it reaches
    /// <paramref name="expected"/> (at most <see cref="BoardSettles"/>), then once more, so a count that overshoots fails.
    /// </summary>
    private static async Task<double> LiveCallsAsync(HttpClient reader, double expected)
    {
        var deadline = Stopwatch.StartNew();
        while (await ReadAsync() < expected && deadline.Elapsed < BoardSettles)
        {
            await Task.Delay(100);
        }

        await Task.Delay(200);
        return await ReadAsync();

        async Task<double> ReadAsync()
        {
            var response = await reader.GetAsync("/api/teams/live/board");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var board = await Json.ReadAsync(response);
            return Json.Row(board, "lena").GetProperty("metrics").GetProperty("call").GetProperty("actual").GetDouble();
        }
    }
}
