using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor.Services;
using SalesCoach.Live.Server.Views.Floor;
using SalesCoach.Live.Server.Views.Layout;
using SalesCoach.Live.Server.Views.Reps;

namespace SalesCoach.Live.Server.Views;

/// <summary>
/// The manager, rep, boards and admin screens: a Blazor Web App with interactive server rendering and MudBlazor.
/// Live figures reach an open page through this node's relay event, never through a grain observer per tab.
/// </summary>
public static class ViewsExtensions
{
    public static WebApplicationBuilder AddViews(this WebApplicationBuilder builder)
    {
        // Outside Development the build output's asset manifest is not read by default; a run from the build folder
        // (the browser tests, `dotnet bin/.../SalesCoach.Live.Server.dll`) would miss MudBlazor's files. A publish has
        // no such manifest and serves wwwroot as usual.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<AuthenticationStateProvider, CircuitSessionCheck>();
        builder.Services.AddMudServices();
        builder.Services.AddSingleton<ILiveFloor, GrainLiveFloor>();
        builder.Services.AddSingleton<IRepFile, LoggedRepFile>();
        return builder;
    }

    public static WebApplication MapViews(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            // A page answers GET (and its own form posts); any endpoint mapped for the same path, such as the sign-in
            // form's POST /account/login, wins over it.
            .Add(endpoint => ((RouteEndpointBuilder)endpoint).Order = 1);
        return app;
    }
}
