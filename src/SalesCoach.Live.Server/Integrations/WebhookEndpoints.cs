using Microsoft.AspNetCore.Http.HttpResults;
using SalesCoach.Live.Server.Ingest;
using SalesCoach.Live.Server.Hosting;
using SalesCoach.Live.Server.Security;
using SalesCoach.Live.Storage;

namespace SalesCoach.Live.Server.Integrations;

/// <summary>
/// Webhooks: <c>POST /api/webhooks/{source}</c> takes a CRM's or dialer's own JSON and maps it to activities with the
/// source's configured mapping (<c>Webhooks:Sources:{source}</c>, over the built-in ones); the admin API of the
/// dead-letter table is in <see cref="DeadLetterEndpoints"/>. docs/integrations.md has every key and route.
/// </summary>
public static class WebhookEndpoints
{
    public static WebApplicationBuilder AddWebhooks(this WebApplicationBuilder builder)
    {
        // Checked here, so that an invalid mapping stops start-up with the key that is wrong (as an invalid org file does).
        using (var effective = (IDisposable)WebhookMappings.Effective(builder.Configuration))
        {
            WebhookMappingReader.Read(((IConfiguration)effective).GetSection("Webhooks"));
        }

        builder.Services.AddSingleton<WebhookMappings>();
        builder.Services.AddSingleton<EventMapper>();
        builder.Services.AddSingleton<WebhookIngest>();
        builder.Services.AddDeadLetterStore(builder.Configuration);
        return builder;
    }

    public static WebApplication MapWebhooks(this WebApplication app)
    {
        app.MapPost("/api/webhooks/{source}", ReceiveAsync)
            .AllowAnonymous() // an ingest key or a valid signature, checked by the handler: the signature needs the body
            .RequireRateLimiting(IngestEndpoints.RateLimitPolicy)
            .WithName("PostWebhook")
            .WithSummary("Take a CRM's or dialer's own JSON (one event, a list, or an envelope) and map it to activities with the source's mapping.")
            // Any content type: senders label JSON as text/plain or form data more often than one would think.
            .Produces<WebhookAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapDeadLetters();
        return app;
    }

    private static async Task<Results<Accepted<WebhookAccepted>, ValidationProblem, ProblemHttpResult>> ReceiveAsync(string source, HttpContext http, WebhookMappings mappings, WebhookIngest ingest, CancellationToken cancellationToken)
    {
        var set = mappings.Current;
        var hasIngestKey = http.User.HasClaim(ApiKeyScopes.ClaimType, ApiKeyScopes.Ingest);
        if (set.Find(source) is not { } mapping)
        {
            if (ConnectorProblem(source) is { } connector)
            {
                // Told to anyone: the vendor itself posts here without a key, and the answer names no configured source.
                return connector;
            }

            // Only a caller with a key learns which sources exist.
            return hasIngestKey
                ? TypedResults.Problem(
                    detail: $"No webhook source '{source}' is configured: add it under Webhooks:Sources:{source} (see docs/integrations.md).",
                    statusCode: StatusCodes.Status404NotFound,
                    title: "Unknown webhook source")
                : Unauthorized(http, (SourceMapping?)null);
        }

        byte[]? body;
        try
        {
            body = await ReadBodyAsync(http.Request, set.MaxBodyBytes, cancellationToken);
        }
        catch (BadHttpRequestException e)
        {
            return TypedResults.Problem(detail: e.Message, statusCode: e.StatusCode, title: "Bad request body");
        }

        if (body is null)
        {
            return TypedResults.Problem(
                detail: $"The body is larger than {set.MaxBodyBytes} bytes (Webhooks:MaxBodyBytes); send the events in smaller payloads.",
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Payload too large");
        }

        var signature = http.Request.Headers[mapping.SignatureHeader].ToString();
        if (mapping.Secret is { } secret && signature.Length > 0)
        {
            if (!WebhookSignature.IsValid(secret, body, signature))
            {
                return Unauthorized(http, $"The signature in the {mapping.SignatureHeader} header does not match the body: send the {WebhookSignature.Describe(mapping)}.");
            }
        }
        else if (!hasIngestKey)
        {
            return Unauthorized(http, mapping);
        }

        return await ingest.ReceiveAsync(mapping, body, cancellationToken) switch
        {
            WebhookOutcome.Processed { Summary.NothingTaken: true } p => TypedResults.ValidationProblem(
                p.Summary.Errors,
                detail: $"Kept as dead letter {p.Summary.DeadLetterId}: fix the mapping (or the sender), then POST /api/webhooks/dead-letters/{p.Summary.DeadLetterId}/replay.",
                title: "No event of the payload could be taken.",
                extensions: WebhookAccepted.Extensions(p.Summary)),
            WebhookOutcome.Processed p => TypedResults.Accepted((string?)null, WebhookAccepted.From(p.Summary)),
            WebhookOutcome.StoreUnavailable u => StoreUnavailable(http, u.RetryAfter),
            _ => throw new InvalidOperationException("Unknown webhook outcome."),
        };
    }

    /// <summary>
    /// The answer for a vendor that has a connector (and no webhook source of its own name configured): its webhooks
    /// go to the connector's endpoint, which verifies them the vendor's way and fetches the records they name.
    /// </summary>
    private static ProblemHttpResult? ConnectorProblem(string source)
    {
        var detail = source.ToLowerInvariant() switch
        {
            "hubspot" or "pipedrive" or "aircall" =>
                $"There is no webhook source '{source}': {source.ToLowerInvariant()} webhooks go to the connector at /api/connectors/{source.ToLowerInvariant()}/webhook " +
                $"(configure it under Connectors:{Name(source)}, see docs/integrations.md). A mapping of your own needs a name of its own under Webhooks:Sources.",
            "salesforce" =>
                "There is no webhook source 'salesforce': the Salesforce connector polls the Salesforce API, nothing posts to it " +
                "(configure it under Connectors:Salesforce, see docs/integrations.md). A mapping of your own needs a name of its own under Webhooks:Sources.",
            _ => null,
        };
        return detail is null
            ? null
            : TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Use the connector", extensions: new Dictionary<string, object?>
            {
                ["source"] = source,
                ["connector"] = source.Equals("salesforce", StringComparison.OrdinalIgnoreCase) ? "/api/connectors" : $"/api/connectors/{source.ToLowerInvariant()}/webhook",
            });

        static string Name(string source) => source.ToLowerInvariant() switch
        {
            "hubspot" => "HubSpot",
            "pipedrive" => "Pipedrive",
            _ => "Aircall",
        };
    }

    internal static ProblemHttpResult StoreUnavailable(HttpContext http, TimeSpan retryAfter) =>
        StoreUnavailableProblem.Create(http, retryAfter, "The store is not answering right now. Retry the same payload: ids make it safe.");

    private static ProblemHttpResult Unauthorized(HttpContext http, SourceMapping? mapping) =>
        Unauthorized(http, http.User.Identity?.IsAuthenticated == true
            ? "The API key does not have the scope ingest."
            : PresentsKey(http.Request)
                ? "The API key is not valid."
                : mapping?.Secret is not null
                    ? $"Send an API key with scope ingest in the {ApiKeyAuthenticationHandler.HeaderName} header, or sign the body: the {WebhookSignature.Describe(mapping)}."
                    : $"An API key with scope ingest is required: send it in the {ApiKeyAuthenticationHandler.HeaderName} header.");

    private static ProblemHttpResult Unauthorized(HttpContext http, string detail)
    {
        http.Response.Headers.WWWAuthenticate = ApiKeyAuthenticationHandler.SchemeName;
        return TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
    }

    private static bool PresentsKey(HttpRequest request) =>
        request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName) || request.Headers.Authorization.Count > 0;

    /// <summary>The body, or null when it is longer than <paramref name="limit"/>.</summary>
    internal static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
