using System.Net.Http.Headers;
using System.Text;
using SalesCoach.Live.Server.Tests.Infrastructure;

namespace SalesCoach.Live.Server.Tests.Integrations;

/// <summary>The webhook configuration the integration tests run with: rep aliases for the samples and a dialer secret.</summary>
public static class WebhookSettings
{
    public const string DialerSecret = "test-dialer-shared-secret";

    /// <summary>The samples' people: e-mails globally, HubSpot owner ids and Salesforce user ids per source.</summary>
    public static Dictionary<string, string?> Aliases() => new()
    {
        ["Webhooks:RepAliases:anna@example.com"] = "anna",
        ["Webhooks:RepAliases:ben@example.com"] = "ben",
        ["Webhooks:RepAliases:lena@example.com"] = "lena",
        ["Webhooks:Sources:hubspot:RepAliases:101"] = "anna",
        ["Webhooks:Sources:hubspot:RepAliases:102"] = "ben",
        ["Webhooks:Sources:salesforce:RepAliases:0055g00000AnnAAAA"] = "anna",
        ["Webhooks:Sources:salesforce:RepAliases:0055g00000BenAAAA"] = "ben",
        ["Webhooks:Sources:dialer:Secret"] = DialerSecret,
    };

    /// <summary>Aliases and the given extra settings.</summary>
    public static Dictionary<string, string?> With(params (string Key, string? Value)[] extra)
    {
        var settings = Aliases();
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>A sample payload's exact bytes.</summary>
    public static byte[] Sample(string name) =>
        File.ReadAllBytes(Path.Combine(RepositoryRoot.Path, "tests", "SalesCoach.Live.Server.Tests", "Integrations", "Samples", name));

    /// <summary>Posts raw bytes to a source, with a key (or none) and extra headers.</summary>
    public static async Task<HttpResponseMessage> PostAsync(SalesCoachApp app, string source, byte[] body, string? key = SalesCoachApp.IngestKey, params (string Name, string Value)[] headers)
    {
        using var client = app.Client(key);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/{source}") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostAsync(SalesCoachApp app, string source, string body, string? key = SalesCoachApp.IngestKey) =>
        PostAsync(app, source, Encoding.UTF8.GetBytes(body), key);
}
