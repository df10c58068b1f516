using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using SalesCoach.Live.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SalesCoach.Live.Server.Tests.Durability;

/// <summary>An acknowledged activity survives SIGKILL of the server right after the acknowledgement.</summary>
public sealed class KillTests(ITestOutputHelper output)
{
    private const int BatchSize = 500;

    [Fact]
    public async Task Acknowledged_activities_survive_kill_9_and_retries_count_once()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "salescoach-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var batches = Enumerable.Range(0, 200).Select(Batch).ToList();
        var acknowledged = new ConcurrentDictionary<int, bool>();

        using (var server = await ServerProcess.StartAsync(dataDirectory))
        {
            using var client = server.Client();
            using var enough = new CancellationTokenSource();
            var next = -1;
            var senders = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                int index;
                while (!enough.IsCancellationRequested && (index = Interlocked.Increment(ref next)) < batches.Count)
                {
                    try
                    {
                        var response = await client.PostAsJsonAsync("/api/activities", batches[index]);
                        if (response.StatusCode == HttpStatusCode.Accepted)
                        {
                            acknowledged[index] = true;
                            if (acknowledged.Count >= 12)
                            {
                                // Kill the moment an acknowledgement arrives, while other batches are in flight.
                                server.Kill();
                                enough.Cancel();
                            }
                        }
                    }
                    catch (HttpRequestException)
                    {
                    }
                    catch (TaskCanceledException)
                    {
                    }
                }
            })).ToArray();
            await Task.WhenAll(senders);
        }

        var sent = batches.Count;
        using (var server = await ServerProcess.StartAsync(dataDirectory))
        {
            using var client = server.Client();
            var afterRestart = await CallsAsync(client);
            output.WriteLine($"{acknowledged.Count} batches acknowledged before the kill; {afterRestart} activities after restart");
            Assert.True(afterRestart >= acknowledged.Count * BatchSize, $"lost acknowledged activities: {afterRestart} < {acknowledged.Count * BatchSize}");

            // The client retries every batch it has no acknowledgement for, and (to be sure) the others too.
            var duplicates = 0;
            foreach (var batch in batches)
            {
                var answer = await Json.ReadAsync(await client.PostAsJsonAsync("/api/activities", batch));
                duplicates += answer.GetProperty("duplicates").GetInt32();
            }

            Assert.True(duplicates >= acknowledged.Count * BatchSize);
            Assert.Equal(sent * BatchSize, await CallsAsync(client));
        }
    }

    private static List<Dictionary<string, object?>> Batch(int index) =>
        Enumerable.Range(0, BatchSize)
            .Select(i => TestActivity.Of("lena", "call", "2026-03-02T10:00:00Z", id: $"kill-{index}-{i}"))
            .ToList();

    private static async Task<double> CallsAsync(HttpClient client)
    {
        var board = await Json.ReadAsync(await client.GetAsync("/api/teams/live/board?at=2026-03-02T23:00:00Z"));
        return Json.Row(board, "lena").GetProperty("metrics").GetProperty("call").GetProperty("actual").GetDouble();
    }
}
