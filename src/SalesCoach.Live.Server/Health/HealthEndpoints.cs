using SalesCoach.Live.Abstractions.Live;
using SalesCoach.Live.Server.Live;
using SalesCoach.Live.Server.Operations;
using SalesCoach.Live.Storage.Activities;

namespace SalesCoach.Live.Server.Health;

/// <summary><c>GET /healthz</c>: 200 when the store and the silo answer, 503 otherwise; no authentication.</summary>
public static class HealthEndpoints
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapGet("/healthz", async (IActivityLog log, IGrainFactory grains, RelayStatus relay, IngestDrain drain, CancellationToken cancellationToken) =>
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
            return Results.Json(
                new
                {
                    status = healthy ? "ok" : "unhealthy",
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
