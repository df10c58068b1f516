using Microsoft.AspNetCore.SignalR;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace SalesCoach.Live.Server.Operations;

/// <summary>
/// Operations: OpenTelemetry metrics (the product's own, ASP.NET Core's and Orleans') scraped by Prometheus at
/// <c>/metrics</c> (<c>Metrics:Path</c>), and traces of ingest and HTTP requests, exported over OTLP when
/// <c>Tracing:OtlpEndpoint</c> (or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) is set.
/// </summary>
public static class OperationsExtensions
{
    /// <summary>The meter Orleans reports its own figures on (activations, messages, membership).</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var allowLoopback = configuration.GetValue("Metrics:AllowLoopback", true);
        var otlpEndpoint = configuration["Tracing:OtlpEndpoint"] is { Length: > 0 } configured ? configured : configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("salescoach-live", serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics => metrics
                .AddMeter(SalesCoachTelemetry.Name, OrleansMeter)
                .AddAspNetCoreInstrumentation()
                // Every scrape sees the numbers of that moment; Prometheus scrapes seldom enough for that to be cheap.
                .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        if (!string.IsNullOrWhiteSpace(otlpEndpoint))
        {
            // Tracing is on only with somewhere to send it: without an exporter, spans would be made for nothing.
            telemetry.WithTracing(tracing => tracing
                .AddSource(SalesCoachTelemetry.Name)
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/metrics") && !http.Request.Path.StartsWithSegments("/healthz"))
                .AddOtlpExporter(o =>
                {
                    o.Endpoint = new Uri(otlpEndpoint);
                    if (configuration["Tracing:OtlpProtocol"] is { } protocol && protocol.Contains("http", StringComparison.OrdinalIgnoreCase))
                    {
                        o.Protocol = OtlpExportProtocol.HttpProtobuf;
                    }
                }));
        }

        builder.Services.Configure<HubOptions>(o => o.AddFilter<HubConnectionCounter>());

        // Registered after the silo (AddCluster comes earlier): hosted services stop in reverse order, so in-flight
        // ingest is waited for before the silo hands its grains over.
        builder.Services.AddSingleton<IngestDrain>();
        builder.Services.AddSingleton<OpenHubConnections>();
        builder.Services.Configure<HubOptions>(o => o.AddFilter<OpenHubConnections>());
        builder.Services.AddHostedService<GracefulShutdown>();
        builder.AddAdminDashboard();
        builder.Services.AddSingleton<PostToDeltaTracker>();
        builder.Services.AddHostedService(services => services.GetRequiredService<PostToDeltaTracker>());
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(MetricsAccess.Policy, p => p.RequireAssertion(context => MetricsAccess.Allows(context.User, context.Resource, allowLoopback)));
        return builder;
    }

    public static WebApplication MapOperations(this WebApplication app)
    {
        var path = app.Configuration["Metrics:Path"] is { Length: > 1 } configured ? configured : "/metrics";
        app.MapPrometheusScrapingEndpoint(path).RequireAuthorization(MetricsAccess.Policy);
        app.MapAdminDashboard();
        return app;
    }
}
