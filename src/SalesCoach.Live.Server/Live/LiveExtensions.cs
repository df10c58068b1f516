namespace SalesCoach.Live.Server.Live;

/// <summary>Wires the hub and this node's relay.</summary>
public static class LiveExtensions
{
    public static WebApplicationBuilder AddLive(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR();
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
