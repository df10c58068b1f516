using System.Globalization;
using Microsoft.Extensions.Options;
using SalesCoach.Live.Connectors;
using SalesCoach.Live.Connectors.Aircall;
using SalesCoach.Live.Connectors.Http;
using SalesCoach.Live.Connectors.HubSpot;
using SalesCoach.Live.Connectors.Mapping;
using SalesCoach.Live.Connectors.Pipedrive;
using SalesCoach.Live.Connectors.Verification;

namespace SalesCoach.Live.Server.Connectors;

/// <summary>One vendor as the server runs it: its options, the webhook check, what a stored notification names (fetched
/// from the vendor API) and, for the polled vendors, a sync from a cursor.</summary>
public interface IConnectorSource
{
    string Name { get; }

    ConnectorOptions Options { get; }

    /// <summary>Whether the vendor sends webhooks (<c>POST /api/connectors/{name}/webhook</c>).</summary>
    bool TakesWebhooks { get; }

    /// <summary>The sync interval, or null when the connector has no periodic sync.</summary>
    TimeSpan? PollInterval { get; }

    WebhookVerification Verify(WebhookRequest request, DateTimeOffset now);

    /// <summary>The observations of one stored notification (fetching what it names from the vendor API).</summary>
    Task<IReadOnlyList<KindObservation>> ObserveAsync(string payload, CancellationToken cancellationToken);

    /// <summary>The records modified since <paramref name="since"/>, as observations.</summary>
    Task<IReadOnlyList<KindObservation>> SyncAsync(DateTimeOffset since, CancellationToken cancellationToken);
}

internal sealed class HubSpotSource(IOptionsMonitor<HubSpotOptions> options, HubSpotClient client) : IConnectorSource
{
    public string Name => ConnectorNames.HubSpot;

    public ConnectorOptions Options => options.CurrentValue;

    public bool TakesWebhooks => true;

    public TimeSpan? PollInterval => TimeSpan.FromSeconds(Math.Max(1, options.CurrentValue.PollSeconds));

    public WebhookVerification Verify(WebhookRequest request, DateTimeOffset now) =>
        HubSpotSignature.Verify(request, options.CurrentValue.ClientSecret, options.CurrentValue.PublicUrl, now);

    public async Task<IReadOnlyList<KindObservation>> ObserveAsync(string payload, CancellationToken cancellationToken)
    {
        var plan = HubSpotMapper.Plan(HubSpotMapper.ParseNotifications(System.Text.Encoding.UTF8.GetBytes(payload)));
        if (plan.Count == 0)
        {
            return [];
        }

        var observations = new List<KindObservation>();
        VendorUsers? owners = null;
        foreach (var group in plan.GroupBy(r => r.Type))
        {
            foreach (var deleted in group.Where(r => r.Deleted))
            {
                observations.AddRange(HubSpotMapper.Deleted(deleted));
            }

            var wanted = group.Where(r => !r.Deleted).ToList();
            if (wanted.Count == 0)
            {
                continue;
            }

            var found = await client.BatchReadAsync(group.Key, wanted.Select(r => r.ObjectId), cancellationToken);
            owners ??= HubSpotMapper.Owners(await client.GetOwnersAsync(cancellationToken));
            var byId = found.ToDictionary(r => r.Id, StringComparer.Ordinal);
            foreach (var r in wanted)
            {
                observations.AddRange(byId.TryGetValue(r.ObjectId, out var record) && !record.Archived
                    ? HubSpotMapper.Map(group.Key, record, owners)
                    : HubSpotMapper.Deleted(r));
            }
        }

        return observations;
    }

    public async Task<IReadOnlyList<KindObservation>> SyncAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var owners = HubSpotMapper.Owners(await client.GetOwnersAsync(cancellationToken));
        var observations = new List<KindObservation>();
        foreach (var type in new[] { HubSpotObjectType.Call, HubSpotObjectType.Meeting, HubSpotObjectType.Deal })
        {
            var from = since;
            while (true)
            {
                var (records, more) = await client.SearchModifiedSinceAsync(type, from, cancellationToken);
                foreach (var record in records)
                {
                    observations.AddRange(HubSpotMapper.Map(type, record, owners));
                }

                var last = records.Count == 0 ? null : VendorTime.Parse(records[^1].Properties.GetValueOrDefault("hs_lastmodifieddate") ?? records[^1].UpdatedAt);
                if (!more || last is null || last <= from)
                {
                    break;
                }

                from = last.Value;
            }
        }

        return observations;
    }
}

internal sealed class AircallSource(IOptionsMonitor<AircallOptions> options) : IConnectorSource
{
    public string Name => ConnectorNames.Aircall;

    public ConnectorOptions Options => options.CurrentValue;

    public bool TakesWebhooks => true;

    public TimeSpan? PollInterval => null;

    public WebhookVerification Verify(WebhookRequest request, DateTimeOffset now) => AircallToken.Verify(request, options.CurrentValue.Token);

    public Task<IReadOnlyList<KindObservation>> ObserveAsync(string payload, CancellationToken cancellationToken) =>
        Task.FromResult(AircallMapper.Parse(System.Text.Encoding.UTF8.GetBytes(payload)) is { } e
            ? AircallMapper.Map(e, options.CurrentValue.MeetingTags)
            : (IReadOnlyList<KindObservation>)[]);

    public Task<IReadOnlyList<KindObservation>> SyncAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<KindObservation>>([]);
}

internal sealed class PipedriveSource(IOptionsMonitor<PipedriveOptions> options, PipedriveClient client) : IConnectorSource
{
    public string Name => ConnectorNames.Pipedrive;

    public ConnectorOptions Options => options.CurrentValue;

    public bool TakesWebhooks => true;

    /// <summary>connectors-v1.md gives Pipedrive no <c>PollSeconds</c>; the sync runs as often as HubSpot's default.</summary>
    public TimeSpan? PollInterval => TimeSpan.FromSeconds(HubSpotOptions.DefaultPollSeconds);

    public WebhookVerification Verify(WebhookRequest request, DateTimeOffset now) =>
        PipedriveBasicAuth.Verify(request, options.CurrentValue.WebhookUser, options.CurrentValue.WebhookPassword);

    public async Task<IReadOnlyList<KindObservation>> ObserveAsync(string payload, CancellationToken cancellationToken)
    {
        if (PipedriveMapper.Parse(System.Text.Encoding.UTF8.GetBytes(payload)) is not { } webhook)
        {
            return [];
        }

        var users = PipedriveMapper.Users(await client.GetUsersAsync(cancellationToken));
        return PipedriveMapper.Map(webhook, options.CurrentValue.ActivityTypes, users);
    }

    public async Task<IReadOnlyList<KindObservation>> SyncAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var users = PipedriveMapper.Users(await client.GetUsersAsync(cancellationToken));
        var observations = new List<KindObservation>();
        foreach (var activity in await client.ActivitiesUpdatedSinceAsync(since, cancellationToken))
        {
            observations.AddRange(PipedriveMapper.MapActivity(activity, options.CurrentValue.ActivityTypes, users));
        }

        foreach (var deal in await client.DealsUpdatedSinceAsync(since, cancellationToken))
        {
            observations.AddRange(PipedriveMapper.MapDeal(deal, users));
        }

        return observations;
    }
}

/// <summary>Cursor text: an instant in ISO 8601.</summary>
internal static class SyncCursor
{
    public static string Write(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset? Read(string? cursor) =>
        DateTimeOffset.TryParse(cursor, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
}
