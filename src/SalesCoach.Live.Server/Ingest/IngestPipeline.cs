using System.Data.Common;
using SalesCoach.Live.Abstractions.Ingest;
using SalesCoach.Live.Abstractions.Reps;
using SalesCoach.Live.Server.Operations;
using SalesCoach.Live.Storage.Activities;

namespace SalesCoach.Live.Server.Ingest;

/// <summary>
/// The one way activities come in (the HTTP endpoint, webhooks and the demo simulator use it; the CSV import shares its
/// <see cref="ActivityRules"/> and log): take typed activities (each edge converts its input to
/// <see cref="IncomingActivity"/> once), check the whole batch with <see cref="ActivityRules"/> (all or nothing),
/// append it durably and idempotently to the log, then hand each rep's new activities to its grain in one call.
/// </summary>
public sealed class IngestPipeline(
    ActivityRules rules, IActivityLog log, IGrainFactory grains, IngestDrain drain, IConfiguration configuration, ILogger<IngestPipeline> logger)
{
    /// <summary>How long a request waits for the store before it answers 503 (<c>Ingest:StoreTimeoutSeconds</c>).</summary>
    private readonly TimeSpan _storeTimeout = TimeSpan.FromSeconds(configuration.GetValue("Ingest:StoreTimeoutSeconds", 10.0));

    /// <summary>Ingests a batch an edge read (with the problems it met while reading, which refuse the batch too).</summary>
    public Task<IngestOutcome> IngestAsync(IncomingBatch batch, CancellationToken cancellationToken) => IngestTelemetry.TraceAsync(batch, IngestCoreAsync, cancellationToken);

    /// <summary>Ingests activities (error keys <c>[index].field</c>).</summary>
    public Task<IngestOutcome> IngestAsync(IReadOnlyList<IncomingActivity> activities, CancellationToken cancellationToken) =>
        IngestAsync(new IncomingBatch(activities), cancellationToken);

    private async Task<IngestOutcome> IngestCoreAsync(IncomingBatch batch, CancellationToken cancellationToken)
    {
        if (batch.Items > IngestLimits.MaxBatch)
        {
            return new IngestOutcome.TooLarge(batch.Items);
        }

        var (activities, errors) = rules.Check(batch);
        if (errors is not null)
        {
            return new IngestOutcome.Invalid(errors);
        }

        return await AppendAndDispatchAsync(activities, cancellationToken);
    }

    /// <summary>
    /// Voids an activity: appends its correction (same rep, type and time; negated quantity and value; id
    /// <c>void:</c> + the original id) through the same log and grains, so boards recompute and history keeps both.
    /// Voiding twice is a duplicate, like any id seen before.
    /// </summary>
    public async Task<VoidOutcome> VoidAsync(string id, CancellationToken cancellationToken)
    {
        if (id.StartsWith(VoidPrefix, StringComparison.Ordinal))
        {
            return VoidOutcome.NotVoidable;
        }

        LoggedActivity? original;
        try
        {
            original = await log.FindAsync(id, cancellationToken).WaitAsync(_storeTimeout, cancellationToken);
        }
        catch (Exception e) when (e is DbException or TimeoutException)
        {
            logger.LogWarning(e, "The store did not answer a void");
            return VoidOutcome.StoreUnavailable;
        }

        if (original is null)
        {
            return VoidOutcome.NotFound;
        }

        var correction = new ActivityToAppend(
            VoidPrefix + original.Id, original.RepId, original.Type, original.OccurredAt, -original.Quantity, -original.Value, VoidSource);
        return await AppendAndDispatchAsync([correction], cancellationToken) switch
        {
            IngestOutcome.Recorded { Accepted: 1 } => VoidOutcome.Voided,
            IngestOutcome.Recorded => VoidOutcome.AlreadyVoided,
            _ => VoidOutcome.StoreUnavailable,
        };
    }

    /// <summary>Ids of corrections start with this; ingest refuses it on ids of its own.</summary>
    public const string VoidPrefix = "void:";

    /// <summary>The <c>source</c> of a correction.</summary>
    public const string VoidSource = "void";

    private async Task<IngestOutcome> AppendAndDispatchAsync(IReadOnlyList<ActivityToAppend> activities, CancellationToken cancellationToken)
    {
        // A stopping node takes no new batch (503: send it to another node) and waits for the ones it took.
        if (!drain.TryEnter(out var lease))
        {
            return new IngestOutcome.StoreUnavailable(RetryAfter);
        }

        using var _ = lease;
        AppendResult result;
        try
        {
            result = await log.AppendAsync(activities, cancellationToken).WaitAsync(_storeTimeout, cancellationToken);
        }
        catch (Exception e) when (e is DbException or TimeoutException)
        {
            logger.LogWarning(e, "The store did not take a batch of {Count}; answering 503", activities.Count);
            return new IngestOutcome.StoreUnavailable(RetryAfter);
        }

        // Once the append returns, the activities are durable: nothing below may undo the acknowledgement.
        await DispatchAsync(result.Accepted);
        return new IngestOutcome.Recorded(result.Accepted.Count, result.Duplicates);
    }

    /// <summary>What a 503 tells the client to wait before retrying.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

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
