using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace SalesCoach.Live.LoadGen;

/// <summary>
/// Posts synthetic <c>call</c> activities (quantity 1, unique ids, <c>occurredAt</c> = now, random reps or
/// round-robin) to
/// <c>POST /api/activities</c> on a fixed schedule: batch <c>k</c> is due at <c>k * batch / rate</c> seconds.
/// <c>concurrency</c> workers take the next due batch; a worker that is late sends at once, so a rate above what the
/// server takes measures its ceiling. Nothing new is sent after the duration.
/// </summary>
internal sealed class Poster(LoadOptions options, HttpClient http, IReadOnlyList<Uri> baseUrls, string key, IReadOnlyList<RepTrack> reps, RunStats stats)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly string _runId = Guid.NewGuid().ToString("N")[..10];
    private long _nextBatch = -1;
    private long _nextId;
    private long _nextRep = -1;
    private long _turn = -1;
    private int _loggedBodies;

    public async Task RunAsync(long startTimestamp, CancellationToken cancellationToken)
    {
        var workers = Enumerable.Range(0, options.Concurrency)
            .Select(w => Task.Run(() => WorkAsync(new Random(HashCode.Combine(options.Seed, w)), startTimestamp, cancellationToken), cancellationToken))
            .ToArray();
        await Task.WhenAll(workers);
    }

    private async Task WorkAsync(Random random, long startTimestamp, CancellationToken cancellationToken)
    {
        var endTicks = (long)(options.Duration * Stopwatch.Frequency);
        var buffer = new ArrayBufferWriter<byte>(64 * options.Batch + 64);
        var picked = new RepTrack[options.Batch];
        while (!cancellationToken.IsCancellationRequested)
        {
            var k = Interlocked.Increment(ref _nextBatch);
            var dueSeconds = k * (double)options.Batch / options.Rate;
            if (dueSeconds >= options.Duration)
            {
                return;
            }

            var due = startTimestamp + (long)(dueSeconds * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, cancellationToken);
            }

            if (Stopwatch.GetTimestamp() - startTimestamp >= endTicks)
            {
                return;
            }

            await PostOneAsync(random, buffer, picked, cancellationToken);
        }
    }

    private async Task PostOneAsync(Random random, ArrayBufferWriter<byte> buffer, RepTrack[] picked, CancellationToken cancellationToken)
    {
        buffer.ResetWrittenCount();
        var occurredAt = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
        using (var w = new Utf8JsonWriter(buffer))
        {
            if (options.Batch > 1)
            {
                w.WriteStartArray();
            }

            for (var i = 0; i < options.Batch; i++)
            {
                var rep = options.RoundRobin
                    ? reps[(int)(Interlocked.Increment(ref _nextRep) % reps.Count)]
                    : reps[random.Next(reps.Count)];
                picked[i] = rep;
                w.WriteStartObject();
                w.WriteString("id", $"lg-{_runId}-{Interlocked.Increment(ref _nextId)}");
                w.WriteString("repId", rep.Id);
                w.WriteString("type", "call");
                w.WriteString("occurredAt", occurredAt);
                w.WriteNumber("quantity", 1);
                w.WriteString("source", "loadgen");
                w.WriteEndObject();
            }

            if (options.Batch > 1)
            {
                w.WriteEndArray();
            }
        }

        // With several nodes, the POSTs go to each in turn (as a round-robin proxy would).
        var baseUrl = baseUrls[(int)((uint)Interlocked.Increment(ref _turn) % (uint)baseUrls.Count)];
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, "/api/activities"));
        request.Headers.Add("X-Api-Key", key);
        request.Content = new ReadOnlyMemoryContent(buffer.WrittenMemory);
        request.Content.Headers.ContentType = Json;

        // The POST starts now: each activity's post-to-screen latency is measured from here.
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < options.Batch; i++)
        {
            picked[i].RecordSent(start);
        }

        stats.AddPosted(options.Batch);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var end = Stopwatch.GetTimestamp();
            if (start >= stats.MeasureStart)
            {
                stats.Http.RecordTicks(start, end);
            }

            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                using var document = JsonDocument.Parse(body);
                var accepted = document.RootElement.GetProperty("accepted").GetInt64();
                var duplicates = document.RootElement.GetProperty("duplicates").GetInt64();
                for (var i = 0; i < options.Batch; i++)
                {
                    picked[i].RecordAcked();
                }

                stats.AddAck(accepted, duplicates);
                if (duplicates > 0)
                {
                    stats.Error("duplicates-reported");
                }
            }
            else
            {
                stats.Error($"http-{(int)response.StatusCode}");
                if (Interlocked.Increment(ref _loggedBodies) <= 3)
                {
                    var text = System.Text.Encoding.UTF8.GetString(body);
                    Console.Error.WriteLine($"POST answered {(int)response.StatusCode}: {text[..Math.Min(text.Length, 400)]}");
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (TaskCanceledException)
        {
            stats.Error("http-timeout");
        }
        catch (HttpRequestException e)
        {
            stats.Error($"http-{e.HttpRequestError}");
        }
    }
}
