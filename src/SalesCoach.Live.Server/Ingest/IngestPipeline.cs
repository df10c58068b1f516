using System.Text.Json;
using SalesCoach.Live.Abstractions.Reps;
using SalesCoach.Live.Storage.Activities;

namespace SalesCoach.Live.Server.Ingest;

/// <summary>
/// The one way activities come in (the HTTP endpoint and the demo simulator both use it): validate the whole batch,
/// append it durably and idempotently to the log, then hand each rep's new activities to its grain in one call.
/// </summary>
public sealed class IngestPipeline(ActivityBatchReader reader, IActivityLog log, IGrainFactory grains, ILogger<IngestPipeline> logger)
{
    public async Task<IngestOutcome> IngestAsync(JsonElement body, CancellationToken cancellationToken)
    {
        if (body.ValueKind == JsonValueKind.Array && body.GetArrayLength() > IngestLimits.MaxBatch)
        {
            return new IngestOutcome.TooLarge(body.GetArrayLength());
        }

        var (activities, errors) = reader.Read(body);
        if (errors.Count > 0)
        {
            return new IngestOutcome.Invalid(errors);
        }

        // Once the append returns, the activities are durable: nothing below may undo the acknowledgement.
        var result = await log.AppendAsync(activities, cancellationToken);
        await DispatchAsync(result.Accepted);
        return new IngestOutcome.Recorded(result.Accepted.Count, result.Duplicates);
    }

    private async Task DispatchAsync(IReadOnlyList<LoggedActivity> accepted)
    {
        var calls = accepted
            .GroupBy(a => a.RepId, StringComparer.Ordinal)
            .Select(async group =>
            {
                var batch = group.Select(a => new LoggedActivityMessage(a.RepSeq, a.Id, a.Type, a.OccurredAt, a.Quantity, a.Value)).ToArray();
                try
                {
                    await grains.GetGrain<IRepGrain>(group.Key).ApplyAsync(batch);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // The log has them; the grain finds them by the gap in its sequence or on its next tick.
                    logger.LogWarning(e, "Rep {RepId} did not take {Count} logged activities yet", group.Key, batch.Length);
                }
            });
        await Task.WhenAll(calls);
    }
}
