namespace SalesCoach.Live.Server.Security;

/// <summary>
/// Response headers against a hostile page: a Content-Security-Policy without inline script for the pages and the
/// wallboard, framing refused (the wallboard may name origins that may frame it: <c>Wallboard:FrameAncestors</c>, a
/// list or one value with spaces or commas, e.g. <c>https://intranet.example.com</c>), <c>nosniff</c>, and HSTS on
/// HTTPS requests (<c>Security:HstsDays</c>, default 365; 0 turns it off). Styles may be inline (MudBlazor and the
/// wallboard set style attributes); scripts, connections, images and fonts come from this site only. The Orleans
/// dashboard (<c>/dashboard</c>, admins only) is a page of its own and gets the framing rule only.
/// </summary>
public static class SecurityHeaders
{
    public const string FrameAncestorsKey = "Wallboard:FrameAncestors";
    public const string HstsDaysKey = "Security:HstsDays";

    private const string Common = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'";

    /// <summary>The policy of the pages (Blazor views, sign-in, API answers).</summary>
    public const string PagesPolicy = Common + "; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The wallboard's policy with <paramref name="frameAncestors"/> allowed to frame it (none when empty).</summary>
    public static string WallboardPolicy(IReadOnlyList<string> frameAncestors) =>
        Common + "; form-action 'none'; frame-ancestors " + (frameAncestors.Count == 0 ? "'none'" : string.Join(' ', frameAncestors));

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var ancestors = FrameAncestors(app.Configuration);
        var wallboardPolicy = WallboardPolicy(ancestors);
        var hstsDays = app.Configuration.GetValue(HstsDaysKey, 365);
        var hsts = $"max-age={hstsDays * 86_400L}";
        app.Use((context, next) =>
        {
            // Set as the response starts, replacing what an endpoint set (Blazor adds its own frame-ancestors policy).
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                var path = context.Request.Path;
                headers.XContentTypeOptions = "nosniff";
                if (path.StartsWithSegments("/wallboard"))
                {
                    headers.ContentSecurityPolicy = wallboardPolicy;
                    if (ancestors.Count == 0)
                    {
                        headers.XFrameOptions = "DENY";
                    }
                    else
                    {
                        headers.Remove("X-Frame-Options");
                    }
                }
                else if (path.StartsWithSegments("/dashboard"))
                {
                    headers.ContentSecurityPolicy = "frame-ancestors 'none'";
                    headers.XFrameOptions = "DENY";
                }
                else
                {
                    headers.ContentSecurityPolicy = PagesPolicy;
                    headers.XFrameOptions = "DENY";
                }

                if (context.Request.IsHttps && hstsDays > 0)
                {
                    headers.StrictTransportSecurity = hsts;
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    /// <summary>The origins configured to frame the wallboard, checked: <c>https://</c> or <c>http://</c> origins only.</summary>
    /// <exception cref="InvalidOperationException">An entry is not an origin.</exception>
    public static IReadOnlyList<string> FrameAncestors(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(FrameAncestorsKey);
        var values = section.GetChildren().Select(c => c.Value).Append(section.Value)
            .Where(v => !string.IsNullOrWhiteSpace(v))
            .SelectMany(v => v!.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
        foreach (var value in values)
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
                || uri.PathAndQuery != "/" || value.EndsWith('/') || value.Contains(';', StringComparison.Ordinal) || value.Contains('\'', StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{FrameAncestorsKey}: '{value}' is not an origin such as https://intranet.example.com.");
            }
        }

        return values;
    }
}
