using Microsoft.AspNetCore.SignalR;

namespace SalesCoach.Live.Server.Live;

/// <summary>Wires the hub and this node's relay.</summary>
public static class LiveExtensions
{
    public static WebApplicationBuilder AddLive(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR();
        var section = builder.Configuration.GetSection(LiveOptions.Section);
        builder.Services.AddOptions<LiveOptions>().Configure(o =>
        {
            o.SlowClientTimeout = TimeSpan.FromSeconds(section.GetValue("SlowClientSeconds", o.SlowClientTimeout.TotalSeconds));
            o.SlowClientMaxPending = section.GetValue("SlowClientMaxPending", o.SlowClientMaxPending);
        }).Validate(o => o.SlowClientTimeout > TimeSpan.Zero && o.SlowClientMaxPending >= 1, "Live:SlowClientSeconds must be above 0 and Live:SlowClientMaxPending at least 1.")
          .ValidateOnStart();
        builder.Services.AddSingleton<LiveHubLifetimeManager>();
        builder.Services.AddSingleton<HubLifetimeManager<LiveHub>>(services => services.GetRequiredService<LiveHubLifetimeManager>());
        builder.Services.AddSingleton<NodeLiveRelay>();
        builder.Services.AddSingleton<RelayStatus>();
        builder.Services.AddHostedService<LiveRelayRegistration>();

        // A stopping node finishes in-flight requests, unregisters its relay, closes hub connections (clients
        // reconnect to another node at once) and lets the silo hand its grains over: give that time.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        return builder;
    }

    public static WebApplication MapLive(this WebApplication app)
    {
        app.MapHub<LiveHub>(LiveHub.Path);
        return app;
    }
}
