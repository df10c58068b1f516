using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SalesCoach.Live.Abstractions.Ingest;
using SalesCoach.Live.Connectors.Http;
using SalesCoach.Live.Connectors.Mapping;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Ingest;
using SalesCoach.Live.Storage.Connectors;

namespace SalesCoach.Live.Server.Connectors;

/// <summary>
/// Does a connector's work: takes the next notification of its inbox (leased, so one at a time per connector across
/// a cluster), fetches and maps what it names, and hands counts to the ingest pipeline and voids to
/// <see cref="IngestPipeline.VoidAsync"/>; keeps records of unmapped vendor users waiting and counts them once mapped;
/// runs the periodic sync from the stored cursor. A failure leaves the item in the inbox for a later attempt
/// (exponential back-off, at least the vendor's <c>Retry-After</c>).
/// </summary>
public sealed class ConnectorRunner(
    IConnectorStore store,
    IngestPipeline ingest,
    Organization org,
    IRepEmailDirectory emails,
    ConnectorSettings settings,
    TimeProvider time,
    ILogger<ConnectorRunner> logger)
{
    /// <summary>This process's name on the leases it takes.</summary>
    public string LeaseOwner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Processes the connector's next due notification; false when there was none.</summary>
    public async Task<bool> ProcessNextAsync(IConnectorSource source, CancellationToken cancellationToken)
    {
        var item = await store.ClaimAsync(source.Name, LeaseOwner, settings.Lease, cancellationToken);
        if (item is null)
        {
            return false;
        }

        try
        {
            var observations = await source.ObserveAsync(item.Payload, cancellationToken);
            var counted = await ApplyAsync(source, observations, cancellationToken);
            await store.CompleteAsync(item.Id, LeaseOwner, cancellationToken);
            await SucceededAsync(source.Name, counted, cancellationToken);
            ConnectorTelemetry.Processed(source.Name, counted);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var delay = Backoff(item.Attempts, (e as VendorRateLimitedException)?.RetryAfter);
            var error = Describe(e);
            logger.LogWarning("Connector {Connector}: notification {Id} failed (attempt {Attempts}), retried in {Delay}: {Error}",
                source.Name, item.Id, item.Attempts, delay, error);
            await store.RetryLaterAsync(item.Id, LeaseOwner, error, time.GetUtcNow() + delay, CancellationToken.None);
            await FailedAsync(source.Name, error, CancellationToken.None);
        }

        return true;
    }

    /// <summary>Runs one sync from the stored cursor (the first from <c>BackfillFrom</c>, default the start of the
    /// current quarter) and moves the cursor to the sync's start; returns how many activities it counted.</summary>
    public async Task<int> SyncAsync(IConnectorSource source, CancellationToken cancellationToken)
    {
        var state = await store.GetStateAsync(source.Name, cancellationToken);
        var started = time.GetUtcNow();
        var since = SyncCursor.Read(state.SyncCursor) ?? settings.BackfillFrom(source.Name, started);
        try
        {
            var counted = await ApplyAsync(source, await source.SyncAsync(since, cancellationToken), cancellationToken);
            counted += await CountWaitingAsync(source, cancellationToken);
            var now = await store.GetStateAsync(source.Name, cancellationToken);
            await store.SaveStateAsync(now with { SyncCursor = SyncCursor.Write(started - settings.SyncOverlap), LastSyncAt = started, FailingSince = null }, cancellationToken);
            await store.LogAsync(source.Name, counted, null, cancellationToken);
            ConnectorTelemetry.Processed(source.Name, counted);
            return counted;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var error = Describe(e);
            logger.LogWarning("Connector {Connector}: sync failed: {Error}", source.Name, error);
            await FailedAsync(source.Name, error, CancellationToken.None);
            throw;
        }
    }

    /// <summary>Counts the waiting records whose vendor user now maps to a rep; returns how many counted.</summary>
    public async Task<int> CountWaitingAsync(IConnectorSource source, CancellationToken cancellationToken)
    {
        var waiting = await store.ListWaitingAsync(source.Name, cancellationToken);
        if (waiting.Count == 0)
        {
            return 0;
        }

        var mapper = Mapper(source);
        var counts = new List<(WaitingRecord Record, CountActivity Count)>();
        foreach (var record in waiting)
        {
            if (mapper.Reps.Resolve(VendorUser.Of(record.VendorUserId, record.Email)) is { } repId && Read(record.Payload) is { } unmapped)
            {
                counts.Add((record, unmapped.MappedTo(repId)));
            }
        }

        if (counts.Count == 0)
        {
            return 0;
        }

        var counted = await CountAsync(counts.Select(c => c.Count).ToList(), cancellationToken);
        foreach (var (record, _) in counts)
        {
            await store.RemoveWaitingAsync(record.Connector, record.ActivityId, cancellationToken);
        }

        return counted;
    }

    private ConnectorMapper Mapper(IConnectorSource source) => ConnectorMapper.Create(source.Options, org, emails.EmailOf);

    private async Task<int> ApplyAsync(IConnectorSource source, IReadOnlyList<KindObservation> observations, CancellationToken cancellationToken)
    {
        var results = Mapper(source).Resolve(observations);
        var counts = results.OfType<CountActivity>().ToList();
        var counted = await CountAsync(counts, cancellationToken);
        foreach (var count in counts)
        {
            await store.RemoveWaitingAsync(source.Name, count.ActivityId, cancellationToken);
        }

        foreach (var unmapped in results.OfType<UnmappedUser>())
        {
            await store.SaveWaitingAsync(new WaitingRecord(source.Name, unmapped.ActivityId, unmapped.VendorUserId, unmapped.Email, Write(unmapped), default), cancellationToken);
        }

        foreach (var voided in results.OfType<VoidActivity>())
        {
            await store.RemoveWaitingAsync(source.Name, voided.ActivityId, cancellationToken);

            // NotFound (never counted) and AlreadyVoided are harmless; only a store that did not answer is a failure.
            if (await ingest.VoidAsync(voided.ActivityId, cancellationToken) == VoidOutcome.StoreUnavailable)
            {
                throw new ConnectorStoreUnavailableException("The activity store did not take a void.");
            }
        }

        return counted;
    }

    private async Task<int> CountAsync(IReadOnlyList<CountActivity> counts, CancellationToken cancellationToken)
    {
        var counted = 0;
        foreach (var chunk in counts.Chunk(IngestLimits.MaxBatch))
        {
            var activities = chunk.Select(c => new IncomingActivity(
                c.ActivityId, c.RepId, c.Metric, c.OccurredAt, 1, c.Value is { } v ? (decimal)v : null, c.ActivityId.Split(':')[0])).ToList();
            switch (await ingest.IngestAsync(activities, cancellationToken))
            {
                case IngestOutcome.Recorded recorded:
                    counted += recorded.Accepted;
                    break;
                case IngestOutcome.StoreUnavailable:
                    throw new ConnectorStoreUnavailableException("The activity store did not take a batch.");
                case IngestOutcome.Invalid invalid:
                    // A record the rules refuse (say, stamped far in the future) will not improve by retrying: log it.
                    logger.LogWarning("Connector activities refused by the ingest rules ({Count} problems): {Problems}",
                        invalid.Errors.Count, string.Join("; ", invalid.Errors.Problems.Select(p => p.ToString())));
                    break;
            }
        }

        return counted;
    }

    private TimeSpan Backoff(int attempts, TimeSpan? retryAfter)
    {
        var exponential = settings.RetryBase * Math.Pow(2, Math.Min(20, Math.Max(0, attempts - 1)));
        var delay = exponential > settings.RetryMax ? settings.RetryMax : exponential;
        return retryAfter is { } after && after > delay ? after : delay;
    }

    private async Task SucceededAsync(string connector, int counted, CancellationToken cancellationToken)
    {
        var state = await store.GetStateAsync(connector, cancellationToken);
        if (state.FailingSince is not null)
        {
            await store.SaveStateAsync(state with { FailingSince = null }, cancellationToken);
        }

        await store.LogAsync(connector, counted, null, cancellationToken);
    }

    private async Task FailedAsync(string connector, string error, CancellationToken cancellationToken)
    {
        try
        {
            var now = time.GetUtcNow();
            var state = await store.GetStateAsync(connector, cancellationToken);
            await store.SaveStateAsync(state with { LastError = error, LastErrorAt = now, FailingSince = state.FailingSince ?? now }, cancellationToken);
            await store.LogAsync(connector, 0, error, cancellationToken);
            ConnectorTelemetry.Failed(connector);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning(e, "Connector {Connector}: the failure could not be recorded", connector);
        }
    }

    /// <summary>An error for logs and the status: the exception's message, which for vendor errors names the status
    /// and the vendor's error code but never a credential (<see cref="VendorApiException"/>).</summary>
    private static string Describe(Exception e) => e switch
    {
        VendorApiException v => v.Message,
        HttpRequestException h => $"the vendor API could not be reached ({h.HttpRequestError})",
        TimeoutException or TaskCanceledException => "the vendor API did not answer in time",
        ConnectorStoreUnavailableException s => s.Message,
        JsonException => "the vendor's answer was not the JSON expected",
        _ => e.GetType().Name,
    };

    private static string Write(UnmappedUser u) => new JsonObject
    {
        ["activityId"] = u.ActivityId,
        ["kind"] = u.Kind,
        ["vendorRecordId"] = u.VendorRecordId,
        ["vendorUserId"] = u.VendorUserId,
        ["email"] = u.Email,
        ["metric"] = u.Metric,
        ["occurredAt"] = u.OccurredAt.ToString("O", CultureInfo.InvariantCulture),
        ["value"] = u.Value,
    }.ToJsonString();

    private static UnmappedUser? Read(string payload)
    {
        if (JsonNode.Parse(payload) is not JsonObject o)
        {
            return null;
        }

        return new UnmappedUser(
            (string)o["activityId"]!, (string)o["kind"]!, (string)o["vendorRecordId"]!, (string?)o["vendorUserId"], (string?)o["email"], (string)o["metric"]!,
            DateTimeOffset.Parse((string)o["occurredAt"]!, CultureInfo.InvariantCulture), (double?)o["value"]);
    }
}

/// <summary>The activity store did not take a connector's batch or void: the notification is tried again later.</summary>
public sealed class ConnectorStoreUnavailableException(string message) : Exception(message);
