using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Security;

namespace SalesCoach.Live.Server.Demo;

/// <summary>Demo mode: a dev admin key and TV links with board tokens printed at start-up, and the activity simulator.</summary>
public static class DemoExtensions
{
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Demo");
        var enabledByDefault = string.IsNullOrWhiteSpace(builder.Configuration["Org:File"]);
        builder.Services.Configure<DemoOptions>(o =>
        {
            section.Bind(o);
            o.Enabled = section.GetValue("Enabled", enabledByDefault);
        });
        if (!section.GetValue("Enabled", enabledByDefault))
        {
            return builder;
        }

        builder.Services.AddSingleton(new DemoKey(section["ApiKey"] is { Length: > 0 } fixedKey ? fixedKey : LoadOrCreate(builder.Configuration, "dev-api-key", "dev-")));
        builder.Services.AddSingleton(new DemoAccounts.Password(
            section["AccountPassword"] is not { Length: > 0 } fixedPassword ? LoadOrCreate(builder.Configuration, "dev-account-password", "demo-")
            : fixedPassword.Length >= 10 ? fixedPassword
            : throw new InvalidOperationException("Demo:AccountPassword must be at least 10 characters.")));
        builder.Services.AddSingleton(new DemoBoards.TokenFile(DataFile(builder.Configuration, "dev-board-tokens")));
        builder.Services.AddSingleton<DemoBoards>();
        builder.Services.AddHostedService<DemoAccounts>();
        builder.Services.AddHostedService<DemoSimulator>();
        builder.Services.AddHostedService<Gamification.DemoCompetitions>();
        return builder;
    }

    public static WebApplication UseDemo(this WebApplication app)
    {
        if (app.Services.GetService<DemoKey>() is not { } demoKey)
        {
            return app;
        }

        app.Services.GetRequiredService<ApiKeyStore>().Add("demo", demoKey.Value, [ApiKeyScopes.Admin]);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var address = (app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? "http://localhost:5080")
                .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
                .Replace("://[::]", "://localhost", StringComparison.Ordinal)
                .Replace("://+", "://localhost", StringComparison.Ordinal)
                .Replace("://*", "://localhost", StringComparison.Ordinal);
            var org = app.Services.GetRequiredService<Organization>();
            var password = app.Services.GetRequiredService<DemoAccounts.Password>().Value;
            var boards = app.Services.GetRequiredService<DemoBoards>();
            _ = PrintAsync();

            async Task PrintAsync()
            {
                try
                {
                    var links = await boards.LinksAsync();
                    // Printed, not logged: the key is for the person at the console, and logs never carry keys.
                    Console.WriteLine(string.Join(Environment.NewLine, Banner(address, org, demoKey.Value, password, links)));
                }
                catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or System.Data.Common.DbException)
                {
                    app.Logger.LogError(e, "The demo's wallboard links could not be made");
                }
            }
        });
        return app;
    }

    /// <summary>
    /// What demo mode prints at start-up: the admin key once, labelled as such, the demo accounts, and TV links that
    /// carry board tokens only (read-only, scoped to their board's teams), never the admin key.
    /// </summary>
    public static IReadOnlyList<string> Banner(string address, Organization org, string adminKey, string password, IReadOnlyList<DemoBoards.Link> links)
    {
        ArgumentNullException.ThrowIfNull(org);
        ArgumentNullException.ThrowIfNull(links);
        var lines = new List<string>
        {
            "",
            "  SalesCoach.Live demo is running.",
            $"  Admin API key (ingest, read, admin; for you, never for a TV): {adminKey}",
            $"  Sign in at {address}/ as admin, manager (team {org.Teams[0].Id}) or rep ({org.Teams[0].Reps[0].Name}); password: {password}",
        };
        // Board tokens: a TV's address bar or history gives read access to its board's teams, nothing more.
        lines.AddRange(links.Select(link => $"  Wallboard {link.Title,-24} {link.Url(address)}"));
        lines.Add($"  Board API: curl -H \"X-Api-Key: $ADMIN_KEY\" {address}/api/teams/{org.Teams[0].Id}/board   (ADMIN_KEY: the admin key above)");
        lines.Add("");
        return lines;
    }

    // Kept beside the embedded store, so a TV's wallboard link and the demo password keep working across restarts.
    private static string LoadOrCreate(IConfiguration configuration, string name, string prefix)
    {
        var file = DataFile(configuration, name);
        if (File.Exists(file) && File.ReadAllText(file).Trim() is { Length: >= 16 } existing)
        {
            return existing;
        }

        var key = prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, key);
        return key;
    }

    private static string DataFile(IConfiguration configuration, string name)
    {
        var store = configuration["Storage:Sqlite:Path"] ?? "./data/salescoach.db";
        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(store))!, name);
    }

    /// <summary>The demo's dev key.</summary>
    public sealed record DemoKey(string Value);
}
