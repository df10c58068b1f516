using SalesCoach.Live.Server.Accounts;
using SalesCoach.Live.Server.Audit;
using SalesCoach.Live.Server.Boards;
using SalesCoach.Live.Server.Coaching;
using SalesCoach.Live.Server.Connectors;
using SalesCoach.Live.Server.Demo;
using SalesCoach.Live.Server.Gamification;
using SalesCoach.Live.Server.Health;
using SalesCoach.Live.Server.Ingest;
using SalesCoach.Live.Server.Integrations;
using SalesCoach.Live.Server.Live;
using SalesCoach.Live.Server.Operations;
using SalesCoach.Live.Server.OrgSetup;
using SalesCoach.Live.Server.Security;
using SalesCoach.Live.Server.Views;
using SalesCoach.Live.Server.Wallboard;
using SalesCoach.Live.Storage;

namespace SalesCoach.Live.Server.Hosting;

/// <summary>The whole application, feature by feature.</summary>
public static class SalesCoachExtensions
{
    public static WebApplicationBuilder AddSalesCoach(this WebApplicationBuilder builder)
    {
        builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, builder.Configuration["urls"] ?? builder.Configuration["ASPNETCORE_URLS"] ?? "http://localhost:5080");
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<StoreUnavailableExceptionHandler>();
        builder.Services.AddOpenApi();
        builder.AddLogging();
        builder.AddOrg();
        builder.Services.AddActivityLog(builder.Configuration);
        builder.AddCluster();
        builder.AddSecurity();
        builder.AddIngest();
        builder.AddWebhooks();
        builder.AddConnectors();
        builder.AddBoards();
        builder.AddCoaching();
        builder.AddAudit();
        builder.AddGamification();
        builder.AddLive();
        builder.AddWallboards();
        builder.AddDemo();
        builder.AddOperations();
        builder.AddViews();
        return builder;
    }

    public static WebApplication UseSalesCoach(this WebApplication app)
    {
        app.UseProxyHeaders();
        app.UseSecurityHeaders();
        // A bad request found while binding (a form without its antiforgery token, say) is the caller's error: a 400 problem.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.UseRequestLogging();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseRateLimiter();
        app.UseDemo();
        app.MapOpenApi().AllowAnonymous();
        app.MapAccounts();
        app.MapAccountAdmin();
        app.MapHealth();
        app.MapIngest();
        app.MapWebhooks();
        app.MapConnectors();
        app.MapBoards();
        app.MapCoaching();
        app.MapCoachingNotes();
        app.MapGamification();
        app.MapAudit();
        app.MapOrgAdmin();
        app.MapLive();
        app.MapWallboard();
        app.MapOperations();
        app.MapViews();
        return app;
    }
}
