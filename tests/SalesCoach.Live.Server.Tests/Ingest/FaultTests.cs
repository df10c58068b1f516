using System.Net;
using Microsoft.Data.Sqlite;
using SalesCoach.Live.Server.Tests.Infrastructure;

namespace SalesCoach.Live.Server.Tests.Ingest;

/// <summary>Ingest under faults: the same batch in a storm, and a store that stops answering for a while.</summary>
public sealed class FaultTests : IDisposable
{
    private readonly SalesCoachApp _app = new(settings: new Dictionary<string, string?> { ["Ingest:StoreTimeoutSeconds"] = "1" });

    [Fact]
    public async Task A_duplicate_storm_of_fifty_concurrent_copies_counts_once()
    {
        var batch = Enumerable.Range(0, 100).Select(i => TestActivity.Of("anna", "call", "2026-05-04T10:00:00+02:00", id: $"storm-{i}")).ToList();

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ => await Json.ReadAsync(await _app.PostAsync(batch))));

        Assert.Equal(100, answers.Sum(a => a.GetProperty("accepted").GetInt32()));
        Assert.Equal(49 * 100, answers.Sum(a => a.GetProperty("duplicates").GetInt32()));
        Assert.Equal(100, await CallsAsync("2026-05-04T12:00:00+02:00"));
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
        var retried = await Json.ReadAsync(await _app.PostAsync(batch));
        Assert.Equal(20, retried.GetProperty("accepted").GetInt32() + retried.GetProperty("duplicates").GetInt32());
        Assert.Equal(21, await CallsAsync("2026-05-05T12:00:00+02:00", "ben"));
    }

    public void Dispose() => _app.Dispose();

    private async Task<double> CallsAsync(string at, string repId = "anna")
    {
        var board = await Json.ReadAsync(await _app.Client(SalesCoachApp.ReadKey).GetAsync($"/api/teams/alpha/board?at={Uri.EscapeDataString(at)}"));
        return Json.Row(board, repId).GetProperty("metrics").GetProperty("call").GetProperty("actual").GetDouble();
    }
}
