using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Security;

namespace SalesCoach.Live.Server.Demo;

/// <summary>Demo mode: a dev API key printed at start-up and the activity simulator.</summary>
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
            // Printed, not logged: the key is for the person at the console, and logs never carry keys.
            Console.WriteLine();
            Console.WriteLine("  SalesCoach.Live demo is running.");
            Console.WriteLine($"  Dev API key (ingest, read, admin): {demoKey.Value}");
            var password = app.Services.GetRequiredService<DemoAccounts.Password>().Value;
            Console.WriteLine($"  Sign in at {address}/ as admin, manager (team {org.Teams[0].Id}) or rep ({org.Teams[0].Reps[0].Name}); password: {password}");
            foreach (var team in org.Teams)
            {
                Console.WriteLine($"  Wallboard {team.Name,-20} {address}/wallboard/?team={team.Id}&token={demoKey.Value}");
            }

            // The demo runs sprints and awards badges: one link that rotates through all four slides shows them.
            Console.WriteLine($"  All slides ({org.Teams[0].Name}): {address}/wallboard/?team={org.Teams[0].Id}&slides=leaderboard,pace,competitions,badges&token={demoKey.Value}");

            Console.WriteLine($"  Board API: curl -H 'X-Api-Key: {demoKey.Value}' {address}/api/teams/{org.Teams[0].Id}/board");
            Console.WriteLine();
        });
        return app;
    }

    // Kept beside the embedded store, so a TV's wallboard link and the demo password keep working across restarts.
    private static string LoadOrCreate(IConfiguration configuration, string name, string prefix)
    {
        var store = configuration["Storage:Sqlite:Path"] ?? "./data/salescoach.db";
        var file = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(store))!, name);
        if (File.Exists(file) && File.ReadAllText(file).Trim() is { Length: >= 16 } existing)
        {
            return existing;
        }

        var key = prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, key);
        return key;
    }

    /// <summary>The demo's dev key.</summary>
    public sealed record DemoKey(string Value);
}
