using System.Net.Http.Headers;
using System.Text;
using SalesCoach.Live.Server.Tests.Infrastructure;

namespace SalesCoach.Live.Server.Tests.Integrations;

/// <summary>The webhook configuration the integration tests run with: rep aliases for the samples and a dialer secret.</summary>
public static class WebhookSettings
{
    public const string DialerSecret = "test-dialer-shared-secret";

    /// <summary>
    /// The samples' people (e-mails globally, owner ids per source), a dialer secret, and two mappings of one's own
    /// (<see cref="CustomMappings"/>) for the engagement and outbound-message samples.
    /// </summary>
    public static Dictionary<string, string?> Aliases()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Webhooks:RepAliases:anna@example.com"] = "anna",
            ["Webhooks:RepAliases:ben@example.com"] = "ben",
            ["Webhooks:RepAliases:lena@example.com"] = "lena",
            ["Webhooks:Sources:crm-engagements:RepAliases:101"] = "anna",
            ["Webhooks:Sources:crm-engagements:RepAliases:102"] = "ben",
            ["Webhooks:Sources:crm-outbound:RepAliases:0055g00000AnnAAAA"] = "anna",
            ["Webhooks:Sources:crm-outbound:RepAliases:0055g00000BenAAAA"] = "ben",
            ["Webhooks:Sources:dialer:Secret"] = DialerSecret,
        };
        foreach (var (key, value) in CustomMappings())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>
    /// Two configured sources of one's own (no longer built in: no vendor sends these shapes): <c>crm-engagements</c>
    /// reads engagement objects (samples/hubspot-engagements.json), <c>crm-outbound</c> an envelope of sObjects
    /// (samples/salesforce-outbound.json).
    /// </summary>
    public static Dictionary<string, string?> CustomMappings() => new()
    {
        ["Webhooks:Sources:crm-engagements:Fields:id"] = "$.engagement.id",
        ["Webhooks:Sources:crm-engagements:Fields:repId"] = "$.engagement.ownerId",
        ["Webhooks:Sources:crm-engagements:Fields:type:Path"] = "$.engagement.type",
        ["Webhooks:Sources:crm-engagements:Fields:type:Map:CALL"] = "call",
        ["Webhooks:Sources:crm-engagements:Fields:type:Map:MEETING"] = "meeting",
        ["Webhooks:Sources:crm-engagements:Fields:occurredAt:Path"] = "$.engagement.timestamp | $.occurredAt",
        ["Webhooks:Sources:crm-engagements:Fields:occurredAt:Format"] = "unixMilliseconds",
        ["Webhooks:Sources:crm-engagements:Fields:source:Value"] = "crm-engagements",
        ["Webhooks:Sources:crm-engagements:Filters:completedCalls:ForType"] = "call",
        ["Webhooks:Sources:crm-engagements:Filters:completedCalls:Path"] = "$.metadata.status",
        ["Webhooks:Sources:crm-engagements:Filters:completedCalls:Equals"] = "COMPLETED",
        ["Webhooks:Sources:crm-outbound:Events"] = "$.notifications",
        ["Webhooks:Sources:crm-outbound:Fields:id"] = "$.sObject.Id",
        ["Webhooks:Sources:crm-outbound:Fields:repId"] = "$.sObject.OwnerId",
        ["Webhooks:Sources:crm-outbound:Fields:type:Path"] = "$.sObject.type",
        ["Webhooks:Sources:crm-outbound:Fields:type:Map:Task"] = "call",
        ["Webhooks:Sources:crm-outbound:Fields:type:Map:Event"] = "meeting",
        ["Webhooks:Sources:crm-outbound:Fields:occurredAt"] = "$.sObject.CompletedDateTime | $.sObject.StartDateTime | $.sObject.CreatedDate",
        ["Webhooks:Sources:crm-outbound:Fields:source:Value"] = "crm-outbound",
        ["Webhooks:Sources:crm-outbound:Filters:callTasksOnly:ForType"] = "call",
        ["Webhooks:Sources:crm-outbound:Filters:callTasksOnly:Path"] = "$.sObject.TaskSubtype",
        ["Webhooks:Sources:crm-outbound:Filters:callTasksOnly:Equals"] = "Call",
        ["Webhooks:Sources:crm-outbound:Filters:connectedCallsOnly:ForType"] = "call",
        ["Webhooks:Sources:crm-outbound:Filters:connectedCallsOnly:Path"] = "$.sObject.CallDisposition",
        ["Webhooks:Sources:crm-outbound:Filters:connectedCallsOnly:In"] = "Connected, Meeting Booked",
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
