using System.Data.Common;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesCoach.Live.Connectors;
using SalesCoach.Live.Connectors.Http;
using SalesCoach.Live.Connectors.Verification;
using SalesCoach.Live.Server.Ingest;
using SalesCoach.Live.Server.Integrations;
using SalesCoach.Live.Server.Security;
using SalesCoach.Live.Storage;
using SalesCoach.Live.Storage.Connectors;

namespace SalesCoach.Live.Server.Connectors;

/// <summary>
/// The CRM and dialer connectors (connectors-v1.md sections 2-3): options <c>Connectors:{Name}:*</c>, the durable
/// inbox in the store, the processor, and the endpoints: <c>POST /api/connectors/{hubspot|aircall|pipedrive}/webhook</c>
/// (anonymous, the vendor's own verification), <c>GET /api/connectors</c> and <c>POST /api/connectors/{name}/sync</c>
/// (admin). docs/integrations.md has every key and route.
/// </summary>
public static class ConnectorEndpoints
{
    public static WebApplicationBuilder AddConnectors(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.Configure<HubSpotOptions>(configuration.GetSection(ConnectorNames.Section(ConnectorNames.HubSpot)));
        services.Configure<AircallOptions>(configuration.GetSection(ConnectorNames.Section(ConnectorNames.Aircall)));
        services.Configure<PipedriveOptions>(configuration.GetSection(ConnectorNames.Section(ConnectorNames.Pipedrive)));
        services.Configure<SalesforceOptions>(configuration.GetSection(ConnectorNames.Section(ConnectorNames.Salesforce)));
        var retryDelay = configuration.GetValue<double?>("Connectors:HttpRetryDelayMs");
        var retries = configuration.GetValue<int?>("Connectors:HttpRetries");
        services.AddConnectorHttpClients(o =>
        {
            if (retryDelay is { } delay)
            {
                o.Retry.Delay = TimeSpan.FromMilliseconds(delay);
            }

            if (retries is { } count)
            {
                o.Retry.MaxRetryAttempts = count;
            }
        });
        services.AddConnectorStore(configuration);
        services.AddSingleton<ConnectorSettings>();
        services.AddSingleton<ConnectorWake>();
        services.AddSingleton<IRepEmailDirectory, OrgRepEmailDirectory>();
        services.AddSingleton<IConnectorSource, HubSpotSource>();
        services.AddSingleton<IConnectorSource, AircallSource>();
        services.AddSingleton<IConnectorSource, PipedriveSource>();
        services.AddSingleton<ConnectorRunner>();
        services.AddSingleton<ConnectorHealth>();
        services.AddHostedService<ConnectorProcessor>();
        return builder;
    }

    public static WebApplication MapConnectors(this WebApplication app)
    {
        foreach (var vendor in new[] { ConnectorNames.HubSpot, ConnectorNames.Aircall, ConnectorNames.Pipedrive })
        {
            app.MapPost($"/api/connectors/{vendor.ToLowerInvariant()}/webhook",
                    (HttpContext http, IEnumerable<IConnectorSource> sources, IConnectorStore store, ConnectorSettings settings, ConnectorWake wake, TimeProvider time, ILoggerFactory logs, CancellationToken ct) =>
                        ReceiveAsync(sources.Single(s => s.Name == vendor), http, store, settings, wake, time, logs.CreateLogger(typeof(ConnectorEndpoints)), ct))
                .AllowAnonymous() // the vendor's own verification, checked by the handler: it needs the body
                .RequireRateLimiting(IngestEndpoints.RateLimitPolicy)
                .WithName($"Post{vendor}Webhook")
                .WithTags("Connectors")
                .WithSummary($"{vendor}'s webhook: verified, stored in the connector's inbox, processed in the background.")
                .Produces<WebhookReceived>()
                .ProducesProblem(StatusCodes.Status401Unauthorized)
                .ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
                .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        }

        var admin = app.MapGroup("/api/connectors").RequireAuthorization(SecurityExtensions.AdminPolicy).WithTags("Connectors");
        admin.MapGet("", ListAsync)
            .WithName("ListConnectors")
            .WithSummary("Every connector: enabled, last event and sync, counted and errors in 24 hours, last error, unmapped users.")
            .Produces<IReadOnlyList<ConnectorStatus>>();
        admin.MapPost("/{name}/sync", SyncAsync)
            .WithName("SyncConnector")
            .WithSummary("Run the connector's sync now (from its stored cursor) and count the waiting records whose user is now mapped.")
            .Produces<ConnectorSyncResult>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status502BadGateway);
        return app;
    }

    /// <summary>The answer to a vendor's webhook: stored (or seen before).</summary>
    public sealed record WebhookReceived(bool Received, bool Duplicate);

    private static async Task<Results<Ok<WebhookReceived>, ProblemHttpResult>> ReceiveAsync(
        IConnectorSource source, HttpContext http, IConnectorStore store, ConnectorSettings settings, ConnectorWake wake, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        if (!source.Options.Enabled)
        {
            return TypedResults.Problem(
                detail: $"The {source.Name} connector is not enabled (Connectors:{source.Name}:Enabled).",
                statusCode: StatusCodes.Status404NotFound,
                title: "Connector not enabled");
        }

        byte[]? body;
        try
        {
            body = await WebhookEndpoints.ReadBodyAsync(http.Request, settings.MaxBodyBytes, cancellationToken);
        }
        catch (BadHttpRequestException e)
        {
            return TypedResults.Problem(detail: e.Message, statusCode: e.StatusCode, title: "Bad request body");
        }

        if (body is null)
        {
            return TypedResults.Problem(
                detail: $"The body is larger than {settings.MaxBodyBytes} bytes (Connectors:MaxBodyBytes).",
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Payload too large");
        }

        var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new WebhookRequest(http.Request.Method, http.Request.GetEncodedUrl(), headers, body);
        var verdict = source.Verify(request, time.GetUtcNow());
        if (!verdict.Accepted)
        {
            // The reason names what failed (never a secret or what was presented).
            logger.LogWarning("Connector {Connector}: webhook refused: {Reason}", source.Name, verdict.Reason);
            return TypedResults.Problem(
                detail: $"The {source.Name} webhook could not be verified: {verdict.Reason}.",
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Unauthorized");
        }

        bool stored;
        try
        {
            // The same notification sent again (a vendor's retry) is stored once: the body's hash is its key.
            stored = await store.EnqueueAsync(source.Name, Convert.ToHexStringLower(SHA256.HashData(body)), System.Text.Encoding.UTF8.GetString(body), cancellationToken);
        }
        catch (DbException e)
        {
            logger.LogWarning(e, "Connector {Connector}: the inbox did not take a webhook", source.Name);
            return Integrations.WebhookEndpoints.StoreUnavailable(http, IngestPipeline.RetryAfter);
        }

        wake.Ring();
        return TypedResults.Ok(new WebhookReceived(true, !stored));
    }

    private static async Task<Ok<List<ConnectorStatus>>> ListAsync(IEnumerable<IConnectorSource> sources, IConnectorStore store, IConfiguration configuration, TimeProvider time, CancellationToken cancellationToken)
    {
        var list = new List<ConnectorStatus>();
        var known = sources.ToDictionary(s => s.Name, StringComparer.Ordinal);
        foreach (var name in ConnectorNames.All)
        {
            known.TryGetValue(name, out var source);
            var enabled = source?.Options.Enabled ?? configuration.GetValue($"Connectors:{name}:Enabled", false);
            var figures = await store.FiguresAsync(name, time.GetUtcNow().AddHours(-24), cancellationToken);
            var state = await store.GetStateAsync(name, cancellationToken);
            var waiting = await store.ListWaitingAsync(name, cancellationToken);
            var unmapped = waiting
                .GroupBy(w => (w.VendorUserId, Email: w.Email?.ToLowerInvariant()))
                .Select(g => new UnmappedUserStatus(g.Key.VendorUserId, g.First().Email, g.Count()))
                .OrderByDescending(u => u.Waiting)
                .ToList();
            list.Add(new ConnectorStatus(
                name, enabled, figures.LastEventAt, state.LastSyncAt, figures.Counted, figures.Errors, state.LastError, unmapped,
                figures.Pending, state.FailingSince, source?.TakesWebhooks == true ? $"/api/connectors/{name.ToLowerInvariant()}/webhook" : null));
        }

        return TypedResults.Ok(list);
    }

    private static async Task<Results<Ok<ConnectorSyncResult>, ProblemHttpResult>> SyncAsync(
        string name, IEnumerable<IConnectorSource> sources, ConnectorRunner runner, IConnectorStore store, CancellationToken cancellationToken)
    {
        var source = sources.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
        if (source is null && ConnectorNames.All.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) is { } known)
        {
            // Salesforce's polling is not run by this server yet (docs/integrations.md).
            return TypedResults.Problem(detail: $"The {known} connector is not run by this server yet.",
                statusCode: StatusCodes.Status409Conflict, title: "Connector not enabled");
        }

        if (source is null)
        {
            return TypedResults.Problem(detail: $"There is no connector '{name}' here (known: {string.Join(", ", sources.Select(s => s.Name.ToLowerInvariant()))}).",
                statusCode: StatusCodes.Status404NotFound, title: "Unknown connector");
        }

        if (!source.Options.Enabled)
        {
            return TypedResults.Problem(detail: $"The {source.Name} connector is not enabled (Connectors:{source.Name}:Enabled).",
                statusCode: StatusCodes.Status409Conflict, title: "Connector not enabled");
        }

        try
        {
            var counted = source.PollInterval is null
                ? await runner.CountWaitingAsync(source, cancellationToken)
                : await runner.SyncAsync(source, cancellationToken);
            return TypedResults.Ok(new ConnectorSyncResult(source.Name, counted, (await store.GetStateAsync(source.Name, cancellationToken)).LastSyncAt));
        }
        catch (Exception e) when (e is VendorApiException or HttpRequestException or TimeoutException)
        {
            var state = await store.GetStateAsync(source.Name, CancellationToken.None);
            return TypedResults.Problem(detail: $"The sync failed: {state.LastError}", statusCode: StatusCodes.Status502BadGateway, title: "Vendor API failed");
        }
    }
}
