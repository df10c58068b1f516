using Orleans.Dashboard;
using SalesCoach.Live.Server.Security;

namespace SalesCoach.Live.Server.Operations;

/// <summary>
/// The Orleans dashboard (silos, grain activations and calls, reminders, live log) at <c>/dashboard</c>, for admins
/// only (<see cref="SecurityExtensions.AdminPolicy"/>, on the page and on every API call it makes). On unless
/// <c>Operations:Dashboard:Enabled</c> is <c>false</c>; off, nothing of it is registered on the silo either.
/// </summary>
public static class AdminDashboardExtensions
{
    public const string EnabledKey = "Operations:Dashboard:Enabled";

    /// <summary>Where the dashboard is served.</summary>
    public const string Path = "/dashboard";

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue(EnabledKey, true);

    public static WebApplicationBuilder AddAdminDashboard(this WebApplicationBuilder builder)
    {
        if (IsEnabled(builder.Configuration))
        {
            // The dashboard's own grains and its call profiling live on every silo; a second UseOrleans adds to the
            // silo configured by AddCluster.
            builder.UseOrleans(silo => silo.AddDashboard());
        }

        return builder;
    }

    public static WebApplication MapAdminDashboard(this WebApplication app)
    {
        if (IsEnabled(app.Configuration))
        {
            app.MapOrleansDashboard(routePrefix: Path).RequireAuthorization(SecurityExtensions.AdminPolicy);
        }

        return app;
    }
}
