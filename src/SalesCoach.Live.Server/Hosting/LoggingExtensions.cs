using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace SalesCoach.Live.Server.Hosting;

/// <summary>
/// Serilog: structured console output and one line per request. Hosting's own "Request starting" lines are off,
/// since they print the full URL and a hub URL carries its key as <c>access_token</c>.
/// </summary>
public static class LoggingExtensions
{
    public static WebApplicationBuilder AddLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) =>
        {
            logger
                .ReadFrom.Configuration(builder.Configuration)
                .MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
                .MinimumLevel.Override("Orleans", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.Orleans", LogEventLevel.Warning)
                .MinimumLevel.Override("Polly", LogEventLevel.Warning)
                .MinimumLevel.Override("Orleans.Runtime.Watchdog", LogEventLevel.Error)
                .Enrich.FromLogContext()
                .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");

            // Extra sinks registered by the host (tests capture every line this way).
            foreach (var sink in services.GetServices<ILogEventSink>())
            {
                logger.WriteTo.Sink(sink);
            }
        });
        return builder;
    }

    public static WebApplication UseRequestLogging(this WebApplication app)
    {
        // RequestPath holds no query string, so no access_token reaches the log.
        app.UseSerilogRequestLogging(o => o.GetLevel = (http, _, error) =>
            error is not null || http.Response.StatusCode >= 500 ? LogEventLevel.Error
            : http.Request.Path.StartsWithSegments("/healthz") ? LogEventLevel.Debug
            : LogEventLevel.Information);
        return app;
    }
}
