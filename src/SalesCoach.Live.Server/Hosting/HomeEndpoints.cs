using System.Net;
using System.Text;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Demo;

namespace SalesCoach.Live.Server.Hosting;

/// <summary>A plain start page listing the teams and their wallboards (with the dev key in demo mode only).</summary>
public static class HomeEndpoints
{
    public static WebApplication MapHome(this WebApplication app)
    {
        app.MapGet("/", (Organization org, IServiceProvider services) =>
        {
            var key = services.GetService<DemoExtensions.DemoKey>()?.Value;
            var html = new StringBuilder();
            html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>SalesCoach.Live</title>")
                .Append("<link rel=\"icon\" href=\"data:,\"><style>body{font-family:system-ui,sans-serif;background:#111;color:#eee;max-width:50rem;margin:3rem auto;padding:0 1rem}a{color:#7cc4ff}code{background:#222;padding:.1rem .3rem}</style></head><body>")
                .Append("<h1>SalesCoach.Live</h1><p>Real-time sales activity pacing.</p><h2>Teams</h2><ul>");
            foreach (var team in org.Teams)
            {
                var id = WebUtility.UrlEncode(team.Id);
                var link = key is null ? $"/wallboard/?team={id}" : $"/wallboard/?team={id}&amp;token={WebUtility.UrlEncode(key)}";
                html.Append($"<li>{WebUtility.HtmlEncode(team.Name)} ({team.Reps.Count} reps, {WebUtility.HtmlEncode(team.Calendar.Zone.Id)}): <a href=\"{link}\">wallboard</a></li>");
            }

            html.Append("</ul><p>API: <code>/api/teams</code>, <code>/api/teams/{id}/board</code>, <code>/api/reps/{id}/pace</code>, ")
                .Append("<code>POST /api/activities</code>; OpenAPI at <a href=\"/openapi/v1.json\">/openapi/v1.json</a>; health at <a href=\"/healthz\">/healthz</a>.</p>")
                .Append("</body></html>");
            return Results.Content(html.ToString(), "text/html; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
