using System.Globalization;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using SalesCoach.Live.Server.Accounts;

namespace SalesCoach.Live.Browser.Tests.Infrastructure;

/// <summary>
/// The real server in this process (silo, Kestrel on a loopback port, SQLite in a folder of its own) with the demo
/// org's teams, no simulator, and a business clock the test moves: the pages, grains and pacing read
/// <see cref="Clock"/>, while Orleans' own timers keep real time so the team grains still tick every 15 seconds.
/// A second instance on the same <see cref="DataDirectory"/> is a restart on the same store.
/// </summary>
public sealed class ViewsServer : WebApplicationFactory<Program>
{
    public const string Password = "browser-tests-password-1";
    public const string IngestKey = "views-ingest-key-0000000000000001";

    /// <summary>A key with the read scope, for the board API.</summary>
    public const string ReadKey = "views-read-key-00000000000000001";

    /// <summary>A key with the admin scope, for the competitions API.</summary>
    public const string AdminKey = "views-admin-key-0000000000000001";

    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;

    /// <param name="orgFile">The org file to start with; the demo org's when null.</param>
    public ViewsServer(FakeTimeProvider clock, string? dataDirectory = null, string environment = "Development", string? orgFile = null)
    {
        _environment = environment;
        Clock = clock;
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "salescoach-views-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        _settings = new Dictionary<string, string?>
        {
            ["Org:File"] = orgFile ?? Path.Combine(RepositoryRoot.Path, "src", "SalesCoach.Live.Domain", "Org", "demo-org.json"),
            ["Demo:Enabled"] = "false",
            ["Storage:Provider"] = "Sqlite",
            ["Storage:Sqlite:Path"] = Path.Combine(DataDirectory, "salescoach.db"),
            ["Cluster:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Cluster:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["ApiKeys:0:Name"] = "ingest",
            ["ApiKeys:0:Key"] = IngestKey,
            ["ApiKeys:0:Scopes:0"] = "ingest",
            ["ApiKeys:1:Name"] = "reader",
            ["ApiKeys:1:Key"] = ReadKey,
            ["ApiKeys:1:Scopes:0"] = "read",
            ["ApiKeys:2:Name"] = "admin",
            ["ApiKeys:2:Key"] = AdminKey,
            ["ApiKeys:2:Scopes:0"] = "admin",
            ["Logging:LogLevel:Default"] = "Warning",
            // Open pages check their account every 2 s (30 s by default), so a test sees a deleted account's page end.
            ["Accounts:RevalidateSeconds"] = "2",
        };
        UseKestrel(0);
        StartServer();
    }

    public FakeTimeProvider Clock { get; }

    public string DataDirectory { get; }

    public Uri BaseAddress => ClientOptions.BaseAddress;

    public Uri Url(string path) => new(BaseAddress, path);

    /// <summary>
    /// Creates the accounts the tests sign in with (the demo's three, as demo mode seeds them), unless they exist; the
    /// manager's and Anna's display names may be changed.
    /// </summary>
    public async Task SeedAccountsAsync(string managerName = "Mia Manager", string annaName = "Anna Berg")
    {
        var admin = Services.GetRequiredService<AccountAdmin>();
        await admin.EnsureAsync(new AccountRequest("admin", "Ada Admin", AccountRoles.Admin, [], null, null, Password), "tests");
        await admin.EnsureAsync(new AccountRequest("manager", managerName, AccountRoles.Manager, ["emea"], null, null, Password), "tests");
        await admin.EnsureAsync(new AccountRequest("anna", annaName, AccountRoles.Rep, [], "anna", null, Password), "tests");
    }

    /// <summary>A client of the API, sending <paramref name="apiKey"/>.</summary>
    public HttpClient Client(string apiKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    /// <summary>Posts an activity as a CRM would, stamped on the business clock.</summary>
    public Task PostAsync(string repId, string type, int quantity, TimeSpan ago) =>
        PostAsync(Activity(repId, type, quantity, Clock.GetUtcNow() - ago));

    /// <summary>Posts a batch of activities (see <see cref="Activity"/>) as a CRM would, and checks the ingest API took it.</summary>
    public async Task PostAsync(params object[] activities)
    {
        using var client = Client(IngestKey);
        var response = await client.PostAsJsonAsync("/api/activities", activities);
        Assert.True(response.IsSuccessStatusCode, $"ingest answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>
    /// A believable week for EMEA before today (Monday to Wednesday: calls and meetings at about the goal) and a
    /// start to today for every rep but <paramref name="except"/>, so the queue holds the reps who really lag.
    /// </summary>
    public async Task SeedEmeaWeekAsync(params string[] except)
    {
        string[] reps = ["anna", "ben", "chloe", "dario", "elif", "finn", "greta", "hugo"];
        var now = Clock.GetUtcNow();
        var batch = new List<object>();
        for (var i = 0; i < reps.Length; i++)
        {
            for (var daysAgo = 1; daysAgo <= 3; daysAgo++)
            {
                var noon = now.AddDays(-daysAgo).AddHours(2);
                batch.Add(Activity(reps[i], "call", 52 + (i * 3 % 11), noon));
                batch.Add(Activity(reps[i], "meeting", 1 + (i % 3), noon.AddMinutes(30)));
            }

            if (!except.Contains(reps[i]))
            {
                batch.Add(Activity(reps[i], "call", 6 + (i * 5 % 7), now.AddMinutes(-30 + i)));
            }
        }

        await PostAsync([.. batch]);
    }

    /// <summary>An activity in the ingest API's shape, for <see cref="PostAsync(object[])"/>.</summary>
    public static object Activity(string repId, string type, int quantity, DateTimeOffset at, decimal? value = null) =>
        new { id = $"views-{Guid.NewGuid():N}", repId, type, occurredAt = at.ToString("O", CultureInfo.InvariantCulture), quantity, value };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
        });
    }
}
