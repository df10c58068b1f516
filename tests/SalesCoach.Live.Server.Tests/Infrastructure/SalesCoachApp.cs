using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace SalesCoach.Live.Server.Tests.Infrastructure;

/// <summary>
/// The real server (silo, Kestrel on a loopback port, SQLite in a temp folder) with the test org and known keys.
/// Give the same <see cref="DataDirectory"/> to a second instance to restart on the same store.
/// </summary>
public sealed class SalesCoachApp : WebApplicationFactory<Program>
{
    public const string IngestKey = "test-ingest-key-000000000000001";
    public const string ReadKey = "test-read-key-0000000000000000002";
    public const string AdminKey = "test-admin-key-000000000000000003";

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public SalesCoachApp(string? dataDirectory = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "salescoach-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        var orgFile = Path.Combine(DataDirectory, "org.json");
        File.WriteAllText(orgFile, TestOrg.Json);
        _settings = new Dictionary<string, string?>
        {
            ["Org:File"] = orgFile,
            ["Demo:Enabled"] = "false",
            ["Storage:Provider"] = "Sqlite",
            ["Storage:Sqlite:Path"] = Path.Combine(DataDirectory, "salescoach.db"),
            ["Cluster:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Cluster:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ApiKeys:0:Name"] = "ingest",
            ["ApiKeys:0:Key"] = IngestKey,
            ["ApiKeys:0:Scopes:0"] = "ingest",
            ["ApiKeys:1:Name"] = "reader",
            ["ApiKeys:1:Key"] = ReadKey,
            ["ApiKeys:1:Scopes:0"] = "read",
            ["ApiKeys:2:Name"] = "admin",
            ["ApiKeys:2:Key"] = AdminKey,
            ["ApiKeys:2:Scopes:0"] = "admin",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        UseKestrel(0);
        StartServer();
    }

    public string DataDirectory { get; }

    public Uri BaseAddress => ClientOptions.BaseAddress;

    /// <summary>An HTTP client that sends <paramref name="apiKey"/> (none when null).</summary>
    public HttpClient Client(string? apiKey)
    {
        var client = CreateClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    /// <summary>Posts activities with the ingest key.</summary>
    public Task<HttpResponseMessage> PostAsync(object body) => Client(IngestKey).PostAsJsonAsync("/api/activities", body);

    /// <summary>A SignalR connection to the live hub over WebSockets, not yet started.</summary>
    public HubConnection Hub(string? token = ReadKey) => new HubConnectionBuilder()
        .WithUrl(new Uri(BaseAddress, "/hubs/live"), o =>
        {
            if (token is not null)
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            }
        })
        .Build();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
    }

    /// <summary>The SQLite file of this instance.</summary>
    public string DatabaseFile => _settings["Storage:Sqlite:Path"]!;
}
