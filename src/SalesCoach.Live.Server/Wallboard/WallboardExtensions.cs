using SalesCoach.Live.Server.Security;
using SalesCoach.Live.Storage;

namespace SalesCoach.Live.Server.Wallboard;

/// <summary>Wires the wallboard feature: board definitions, pairing and board tokens (the page is mapped by <see cref="WallboardEndpoints"/>).</summary>
public static class WallboardExtensions
{
    public static WebApplicationBuilder AddWallboards(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddWallboardStore(builder.Configuration);
        builder.Services.AddSingleton<WallboardDirectory>();
        builder.Services.AddSingleton<IBoardAccess>(services => services.GetRequiredService<WallboardDirectory>());
        builder.Services.AddSingleton<WallboardRequestReader>();
        builder.Services.AddSingleton<PairingDesk>();
        builder.Services.AddSingleton<BoardConnections>();
        builder.Services.AddSingleton<WallboardWatcher>();
        builder.Services.AddSingleton<WallboardDesk>();
        builder.Services.AddHostedService(services => services.GetRequiredService<WallboardWatcher>());
        return builder;
    }
}
