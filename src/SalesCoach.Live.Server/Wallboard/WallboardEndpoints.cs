using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;
using SalesCoach.Live.Storage.Wallboards;

namespace SalesCoach.Live.Server.Wallboard;

/// <summary>
/// Serves the built TV wallboard (the static files Vite writes to <c>wallboard/dist</c>, copied to the output's
/// <c>wallboard</c> folder by <c>Wallboard.targets</c>) at <c>/wallboard/</c> (contract section 7), and the board API
/// (<see cref="WallboardApi"/>) when the wallboard feature is added (<see cref="WallboardExtensions.AddWallboards"/>).
/// </summary>
/// <remarks>
/// The files are served by endpoints rather than by the static-file middleware, so that they are reachable
/// whatever the middleware order and whatever fallback authorization policy the host sets: the page itself is
/// public, and the board token it carries is checked by the hub. <c>index.html</c> is never cached (a TV picks up
/// a new build at its next load); Vite's content-hashed files under <c>assets/</c> are cached for a year. When the
/// folder is missing (a build with <c>SkipWallboardBuild=true</c>) the page answers 503 with a plain explanation
/// that reloads itself, so a TV recovers once the wallboard is deployed.
/// </remarks>
public static class WallboardEndpoints
{
    /// <summary>The request path of the wallboard.</summary>
    public const string RequestPath = "/wallboard";

    /// <summary>The configuration key naming the folder of the built wallboard.</summary>
    public const string PathKey = "Wallboard:Path";

    private const string IndexFile = "index.html";
    private const string HashedAssetsFolder = "assets/";
    private const string LongCache = "public, max-age=31536000, immutable";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static WebApplication MapWallboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var folder = ResolveFolder(app.Configuration[PathKey], app.Environment.ContentRootPath);
        if (!Directory.Exists(folder))
        {
            app.Logger.LogWarning(
                "The wallboard was not built: {Folder} is missing, so {Path}/ answers 503. Build with Node.js 20+ and npm, without SkipWallboardBuild=true.",
                folder, RequestPath);
        }

        var files = new WallboardFiles(folder);
        app.MapMethods(RequestPath + "/{**path}", [HttpMethods.Get, HttpMethods.Head], (HttpContext context, string? path) => Serve(context, path, files))
            .AllowAnonymous()
            .ExcludeFromDescription();
        if (app.Services.GetService<IWallboardStore>() is not null)
        {
            app.MapWallboardApi();
        }

        return app;
    }

    /// <summary>The folder of the built wallboard: the configured one (relative to the content root), else the output's.</summary>
    internal static string ResolveFolder(string? configured, string contentRoot) =>
        string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(AppContext.BaseDirectory, "wallboard")
            : Path.GetFullPath(configured, contentRoot);

    private static IResult Serve(HttpContext context, string? path, WallboardFiles files)
    {
        var request = context.Request;

        // "/wallboard" has no slash: the page's relative asset URLs would resolve against "/". Send it to "/wallboard/",
        // keeping the query string (the team and the token).
        if (string.IsNullOrEmpty(path) && !(request.Path.Value ?? string.Empty).EndsWith('/'))
        {
            return Results.Redirect($"{request.PathBase}{RequestPath}/{request.QueryString}");
        }

        if (files.Provider is not { } provider)
        {
            return NotBuilt();
        }

        var subpath = string.IsNullOrEmpty(path) ? IndexFile : path;
        var file = provider.GetFileInfo(subpath);
        if (!file.Exists || file.IsDirectory || file.PhysicalPath is null)
        {
            return Results.NotFound();
        }

        if (!ContentTypes.TryGetContentType(file.Name, out var contentType))
        {
            contentType = "application/octet-stream";
        }
        else if (contentType.StartsWith("text/", StringComparison.Ordinal) || contentType == "application/json")
        {
            contentType += "; charset=utf-8";
        }

        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        if (subpath.StartsWith(HashedAssetsFolder, StringComparison.Ordinal))
        {
            headers.CacheControl = LongCache;
        }
        else
        {
            headers.CacheControl = "no-cache";
            // The page's URL carries a token: never send it on as a referrer.
            headers["Referrer-Policy"] = "no-referrer";
        }

        var lastModified = file.LastModified;
        var etag = new EntityTagHeaderValue(
            "\"" + lastModified.UtcTicks.ToString("x", CultureInfo.InvariantCulture) + "-" + file.Length.ToString("x", CultureInfo.InvariantCulture) + "\"");
        return Results.File(file.PhysicalPath, contentType, lastModified: lastModified, entityTag: etag, enableRangeProcessing: true);
    }

    private static IResult NotBuilt()
    {
        const string html = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="30">
            <link rel="icon" href="data:,"><title>Wallboard not built</title>
            <style>body{margin:0;height:100vh;display:grid;place-items:center;background:#070b12;color:#f4f7fb;font:2rem system-ui,sans-serif;text-align:center}p{color:#a3b1c6;font-size:1.2rem;max-width:40rem}</style>
            </head><body><div><h1>The wallboard was not built</h1>
            <p>This server was built without its wallboard (Node.js 20+ and npm are needed, or SkipWallboardBuild was set).
            Rebuild the server with Node.js available; this screen checks again every 30 seconds.</p></div></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: (int)HttpStatusCode.ServiceUnavailable);
    }

    /// <summary>
    /// The file provider of the wallboard folder, made when the folder first exists (a missing folder must not fail
    /// start-up, and a wallboard deployed later is picked up without a restart).
    /// </summary>
    private sealed class WallboardFiles(string folder)
    {
        private PhysicalFileProvider? provider;

        public IFileProvider? Provider
        {
            get
            {
                if (provider is not null)
                {
                    return provider;
                }

                if (!Directory.Exists(folder))
                {
                    return null;
                }

                var created = new PhysicalFileProvider(folder);
                if (Interlocked.CompareExchange(ref provider, created, null) is not null)
                {
                    created.Dispose();
                }

                return provider;
            }
        }
    }
}
