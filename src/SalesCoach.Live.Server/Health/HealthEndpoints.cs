using SalesCoach.Live.Abstractions.Live;
using SalesCoach.Live.Server.Connectors;
using SalesCoach.Live.Server.Live;
using SalesCoach.Live.Server.Operations;
using SalesCoach.Live.Storage.Activities;

namespace SalesCoach.Live.Server.Health;

/// <summary><c>GET /healthz</c>: 200 when the store and the silo answer (<c>degraded</c>, still 200, when a connector has
/// failed for longer than <c>Connectors:FailingAfterMinutes</c>), 503 otherwise; no authentication.</summary>
public static class HealthEndpoints
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapGet("/healthz", async (IActivityLog log, IGrainFactory grains, RelayStatus relay, IngestDrain drain, ConnectorHealth connectors, CancellationToken cancellationToken) =>
        {
            if (drain.IsStopping)
            {
                // A stopping node: the proxy should send traffic elsewhere from now on.
                return Results.Json(new { status = "stopping" }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            var store = await Probe(() => log.IsHealthyAsync(cancellationToken));
            var relays = -1;
            var silo = await Probe(async () =>
            {
                relays = (await grains.GetGrain<ILiveRelayRegistryGrain>(0).GetRelaysAsync()).Length;
                return true;
            });
            // The relay is reported, not required: a node whose relay lags still serves reads and ingest.
            var healthy = store && silo;
            // A connector failing for long is degraded, not down: the node still serves, and the inbox keeps everything.
            string[] failing = [];
            await Probe(async () =>
            {
                failing = [.. await connectors.FailingAsync(cancellationToken)];
                return true;
            });
            return Results.Json(
                new
                {
                    status = !healthy ? "unhealthy" : failing.Length > 0 ? "degraded" : "ok",
                    connectors = failing.Length > 0 ? new { failing } : null,
                    store = store ? "ok" : "down",
                    silo = silo ? "ok" : "down",
                    relay = relay.IsRegistered ? "registered" : "not registered",
                    relays,
                },
                statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous().WithSummary("Liveness and readiness of store and silo.");
        return app;
    }

    private static async Task<bool> Probe(Func<Task<bool>> check)
    {
        try
        {
            return await check().WaitAsync(Timeout);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false;
        }
    }
}
