namespace SalesCoach.Live.Server.Live;

/// <summary>Wires the hub and this node's relay.</summary>
public static class LiveExtensions
{
    public static WebApplicationBuilder AddLive(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<NodeLiveRelay>();
        builder.Services.AddHostedService<LiveRelayRegistration>();
        return builder;
    }

    public static WebApplication MapLive(this WebApplication app)
    {
        app.MapHub<LiveHub>(LiveHub.Path);
        return app;
    }
}
