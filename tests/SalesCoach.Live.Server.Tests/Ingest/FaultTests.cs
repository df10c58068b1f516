using System.Net;
using Microsoft.Data.Sqlite;
using SalesCoach.Live.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SalesCoach.Live.Server.Tests.Ingest;

/// <summary>Ingest under faults: the same batch in a storm, and a store that stops answering for a while.</summary>
public sealed class FaultTests(ITestOutputHelper output) : IDisposable
{
    private readonly SalesCoachApp _app = new(settings: new Dictionary<string, string?> { ["Ingest:StoreTimeoutSeconds"] = "1" });

    [Fact]
    public async Task A_duplicate_storm_of_fifty_concurrent_copies_counts_once()
    {
        var batch = Enumerable.Range(0, 100).Select(i => TestActivity.Of("anna", "call", "2026-05-04T10:00:00+02:00", id: $"storm-{i}")).ToList();

        // Fifty clients send the same batch at once, each as a CRM would: a 503 (the 1 s store timeout, on a busy
        // machine) is sent again after its Retry-After. Every copy ends taken, each activity once or as a duplicate.
        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Retrying.PostActivitiesAsync(_app.Client(SalesCoachApp.IngestKey), batch)));

        output.WriteLine($"{answers.Count(a => a.Refused > 0)} of 50 copies were refused (503) at least once, {answers.Sum(a => a.Refused)} refusals in all");
        Assert.All(answers, a => Assert.Equal(100, a.Answer.GetProperty("accepted").GetInt32() + a.Answer.GetProperty("duplicates").GetInt32()));
        var accepted = answers.Sum(a => a.Answer.GetProperty("accepted").GetInt32());
        if (answers.All(a => a.Refused == 0))
        {
            // No copy was refused: the answers alone show each activity taken once and refused as a duplicate 49 times.
            Assert.Equal(100, accepted);
            Assert.Equal(49 * 100, answers.Sum(a => a.Answer.GetProperty("duplicates").GetInt32()));
        }
        else
        {
            // A refused try may still have written its activities after its answer (the store went on past the
            // timeout): its client's retry then meets them as duplicates, so the answers take at most 100 between them.
            Assert.InRange(accepted, 0, 100);
        }

        // Whatever the answers, the log holds each activity once: the board counts 100, not more.
        Assert.Equal(100, await CallsAsync("2026-05-04T12:00:00+02:00"));
        Assert.Equal(100L, await StoredAsync("storm-%"));
    }

    [Fact]
    public async Task A_locked_store_answers_503_with_retry_after_and_recovers_without_a_restart()
    {
        var batch = Enumerable.Range(0, 20).Select(i => TestActivity.Of("ben", "call", "2026-05-05T10:00:00+02:00", id: $"locked-{i}")).ToList();
        Assert.Equal(HttpStatusCode.Accepted, (await _app.PostAsync(TestActivity.Of("ben", "call", "2026-05-05T09:30:00+02:00", id: "locked-warmup"))).StatusCode);

        HttpResponseMessage refused;
        await using (var locker = new SqliteConnection($"Data Source={_app.DatabaseFile};Pooling=false"))
        {
            await locker.OpenAsync();
            using (var begin = locker.CreateCommand())
            {
                begin.CommandText = "BEGIN EXCLUSIVE;";
                await begin.ExecuteNonQueryAsync();
            }

            refused = await _app.PostAsync(batch);
            using var commit = locker.CreateCommand();
            commit.CommandText = "COMMIT;";
            await commit.ExecuteNonQueryAsync();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(refused.Headers.RetryAfter);

        // The client retries the same batch: it lands exactly once, however much of the first try got through.
        var (retried, _) = await Retrying.PostActivitiesAsync(_app.Client(SalesCoachApp.IngestKey), batch);
        Assert.Equal(20, retried.GetProperty("accepted").GetInt32() + retried.GetProperty("duplicates").GetInt32());
        Assert.Equal(21, await CallsAsync("2026-05-05T12:00:00+02:00", "ben"));
    }

    public void Dispose() => _app.Dispose();

    /// <summary>Rows of the activity log whose id is like <paramref name="pattern"/>.</summary>
    private async Task<long> StoredAsync(string pattern)
    {
        await using var connection = new SqliteConnection($"Data Source={_app.DatabaseFile};Pooling=false");
        await connection.OpenAsync();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM activities WHERE id LIKE $pattern";
        count.Parameters.AddWithValue("$pattern", pattern);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private async Task<double> CallsAsync(string at, string repId = "anna")
    {
        var board = await Json.ReadAsync(await _app.Client(SalesCoachApp.ReadKey).GetAsync($"/api/teams/alpha/board?at={Uri.EscapeDataString(at)}"));
        return Json.Row(board, repId).GetProperty("metrics").GetProperty("call").GetProperty("actual").GetDouble();
    }
}
