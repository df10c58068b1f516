using System.Data.Common;
using System.Text;
using System.Text.Json;
using SalesCoach.Live.Server.Ingest;
using SalesCoach.Live.Server.Operations;
using SalesCoach.Live.Storage.DeadLetters;

namespace SalesCoach.Live.Server.Integrations;

/// <summary>
/// Takes a webhook payload: maps it with its source's mapping and sends the activities through the same
/// <see cref="IngestPipeline"/> as <c>POST /api/activities</c> (validation, the durable idempotent log, the grains).
/// Events that cannot be taken (no mapping, an unknown rep alias, an invalid activity) are left out of the batch and
/// the payload is kept in the dead-letter table with the reasons; the others go through. Replaying a dead letter runs
/// the same steps with the mappings of now; ids make a second pass harmless.
/// </summary>
public sealed class WebhookIngest(
    WebhookMappings mappings, EventMapper mapper, IngestPipeline pipeline, IDeadLetterStore deadLetters, ILogger<WebhookIngest> logger)
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>Takes a payload that arrived for <paramref name="source"/>.</summary>
    public async Task<WebhookOutcome> ReceiveAsync(SourceMapping source, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return await RunAsync(source, body, async (reason, errors) =>
        {
            var letter = await deadLetters.AddAsync(new NewDeadLetter(source.Name, Text(body), reason, errors), cancellationToken);
            return letter.Id;
        }, cancellationToken);
    }

    /// <summary>Replays a dead letter with the mappings in force now; it is marked replayed when every event went through.</summary>
    public async Task<WebhookOutcome> ReplayAsync(DeadLetter letter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letter);
        if (mappings.Current.Find(letter.Source) is not { } source)
        {
            return new WebhookOutcome.SourceMissing(letter.Source);
        }

        var outcome = await RunAsync(source, Encoding.UTF8.GetBytes(letter.Payload), async (reason, errors) =>
        {
            await deadLetters.UpdateReasonAsync(letter.Id, reason, errors, cancellationToken);
            return letter.Id;
        }, cancellationToken);
        if (outcome is WebhookOutcome.Processed { Summary.DeadLettered: 0 } processed)
        {
            try
            {
                await deadLetters.MarkReplayedAsync(letter.Id, cancellationToken);
            }
            catch (DbException e)
            {
                logger.LogWarning(e, "Dead letter {Id} went through but could not be marked replayed", letter.Id);
                return new WebhookOutcome.StoreUnavailable(IngestPipeline.RetryAfter);
            }

            return processed with { Summary = processed.Summary with { DeadLetterId = letter.Id } };
        }

        return outcome;
    }

    private async Task<WebhookOutcome> RunAsync(
        SourceMapping source, ReadOnlyMemory<byte> body, Func<string, string, Task<long>> keep, CancellationToken cancellationToken)
    {
        using var activity = SalesCoachTelemetry.ActivitySource.StartActivity("webhook");
        activity?.SetTag("salescoach.webhook.source", source.Name);
        MappedPayload mapped;
        try
        {
            // A UTF-8 byte order mark is not JSON, but some senders write one.
            using var document = JsonDocument.Parse(body.Span.StartsWith(Utf8Bom) ? body[Utf8Bom.Length..] : body);
            mapped = mapper.Map(source, mappings.Current.RepAliases, document.RootElement);
        }
        catch (JsonException e)
        {
            mapped = new MappedPayload();
            mapped.Fail(-1, "", $"not valid JSON: {e.Message}");
        }

        var accepted = 0;
        var duplicates = 0;
        foreach (var chunk in mapped.Activities.Chunk(IngestLimits.MaxBatch))
        {
            var pending = chunk.ToList();
            // An invalid activity refuses its whole batch: leave its event out and send the rest again. Each round
            // drops at least one event, so this ends; three rounds cover every case met so far.
            for (var round = 0; pending.Count > 0; round++)
            {
                var outcome = await pipeline.IngestAsync(pending.ConvertAll(p => p.Activity), cancellationToken);
                if (outcome is IngestOutcome.Recorded recorded)
                {
                    accepted += recorded.Accepted;
                    duplicates += recorded.Duplicates;
                    break;
                }

                if (outcome is IngestOutcome.StoreUnavailable unavailable)
                {
                    return new WebhookOutcome.StoreUnavailable(unavailable.RetryAfter);
                }

                var failedBefore = mapped.Failed.Count;
                IReadOnlyList<ActivityProblem> refused = outcome is IngestOutcome.Invalid invalid
                    ? invalid.Errors.Problems
                    : [new ActivityProblem(-1, ActivityField.Item, "the batch was refused")];
                foreach (var problem in refused)
                {
                    // A problem of an activity is its event's; a problem of the whole batch is every pending event's.
                    foreach (var index in problem.Item >= 0 && problem.Item < pending.Count ? [pending[problem.Item].Event] : pending.Select(p => p.Event).Distinct())
                    {
                        mapped.Fail(index, problem.Item >= 0 ? problem.Field.Name() : "", problem.Message);
                    }
                }

                if (mapped.Failed.Count == failedBefore || round >= 3)
                {
                    foreach (var (index, _) in pending)
                    {
                        mapped.Fail(index, "", "refused by the ingest pipeline");
                    }
                }

                pending = pending.Where(p => !mapped.Failed.Contains(p.Event)).ToList();
            }
        }

        var errors = mapped.Errors.ToDictionary(e => e.Key, e => e.Value.Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        var deadLettered = mapped.Failed.Count;
        long? letterId = null;
        if (deadLettered > 0)
        {
            try
            {
                letterId = await keep(Reason(mapped, errors), JsonSerializer.Serialize(errors));
            }
            catch (DbException e)
            {
                logger.LogWarning(e, "A payload of {Source} could not be kept as a dead letter; answering 503", source.Name);
                return new WebhookOutcome.StoreUnavailable(IngestPipeline.RetryAfter);
            }
        }

        var filtered = mapped.Filtered;
        var events = Math.Max(mapped.Events, deadLettered);
        SalesCoachTelemetry.WebhookEvents.Add(events - filtered - deadLettered, Tag("source", source.Name), Tag("outcome", "processed"));
        SalesCoachTelemetry.WebhookEvents.Add(filtered, Tag("source", source.Name), Tag("outcome", "filtered"));
        SalesCoachTelemetry.WebhookEvents.Add(deadLettered, Tag("source", source.Name), Tag("outcome", "dead_lettered"));
        activity?.SetTag("salescoach.webhook.events", events);
        activity?.SetTag("salescoach.webhook.dead_lettered", deadLettered);
        return new WebhookOutcome.Processed(new WebhookSummary(events, accepted, duplicates, filtered, deadLettered, letterId, errors));
    }

    private static string Reason(MappedPayload mapped, Dictionary<string, string[]> errors)
    {
        var first = errors.First();
        var what = mapped.Events <= 1 ? "The payload" : $"{mapped.Failed.Count} of {mapped.Events} events";
        var more = errors.Count > 1 ? $" (and {errors.Count - 1} more)" : "";
        return $"{what} could not be taken: {first.Key}: {first.Value[0]}{more}";
    }

    /// <summary>The body as text for the dead-letter table (bytes that are not UTF-8 become U+FFFD).</summary>
    private static string Text(ReadOnlyMemory<byte> body) => Encoding.UTF8.GetString(body.Span);

    private static KeyValuePair<string, object?> Tag(string key, object? value) => new(key, value);
}
