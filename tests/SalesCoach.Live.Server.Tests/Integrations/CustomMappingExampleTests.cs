using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Integrations;
using SalesCoach.Live.Server.Tests.Infrastructure;

namespace SalesCoach.Live.Server.Tests.Integrations;

/// <summary>
/// The mapping examples of docs/integrations.md ("Mappings of your own, from real vendor payloads"), read from the page
/// itself and run through the mapping engine with the vendor payloads they name (saved from the vendors' documentation
/// in tests/SalesCoach.Live.Connectors.Tests/VendorPayloads), so the page cannot drift from what the engine does.
/// </summary>
public sealed partial class CustomMappingExampleTests
{
    /// <summary>The test org, with Anna's e-mail as Aircall's documented user has it.</summary>
    private static readonly Organization Org = OrgWithAnnasEmail();

    private static readonly string Page = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "integrations.md"));

    [Fact]
    public void The_page_has_the_three_examples_and_none_uses_a_connector_name()
    {
        Assert.Equal(["dialer-calls", "crm-activities", "crm-deals"], Example().Matches(Page).Select(m => m.Groups["name"].Value));
        foreach (var name in new[] { "dialer-calls", "crm-activities", "crm-deals" })
        {
            Assert.Equal([name], Read(name).Sources.Keys);
        }
    }

    [Theory]
    // Columns: the example, the vendor payload, then the one activity expected as id|rep|type|occurredAt|value, or "filtered".
    [InlineData("dialer-calls", "Aircall/call-ended-answered.json", "dialer-calls:812|anna|call|2025-12-05T09:20:01Z|")]
    [InlineData("dialer-calls", "Aircall/call-ended-missed.json", "filtered")] // answered_at null
    [InlineData("dialer-calls", "Aircall/call-tagged.json", "filtered")] // not call.ended
    [InlineData("crm-activities", "Pipedrive/webhook-v2-activity-call-done.json", "crm-activities:77|anna|call|2025-12-05T09:39:58Z|")]
    [InlineData("crm-activities", "Pipedrive/webhook-v2-activity-meeting-deleted.json", "filtered")] // a deletion (data null)
    [InlineData("crm-activities", "Pipedrive/webhook-v2-deal-won.json", "filtered")] // another entity
    [InlineData("crm-deals", "Pipedrive/webhook-v2-deal-won.json", "crm-deals:42|anna|deal|2025-12-05T11:30:00Z|8400")]
    [InlineData("crm-deals", "Pipedrive/webhook-v2-activity-call-done.json", "filtered")]
    public void An_example_maps_the_vendors_payload(string example, string payload, string expected)
    {
        var set = Read(example);
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(
            RepositoryRoot.Path, "tests", "SalesCoach.Live.Connectors.Tests", "VendorPayloads", payload)));

        var mapped = new EventMapper(Org).Map(set.Find(example)!, set.RepAliases, document.RootElement);

        Assert.Empty(mapped.Errors);
        Assert.Equal(1, mapped.Events);
        if (expected == "filtered")
        {
            Assert.Equal(1, mapped.Filtered);
            Assert.Empty(mapped.Activities);
            return;
        }

        var (_, activity) = Assert.Single(mapped.Activities);
        Assert.Equal(0, mapped.Filtered);
        var fields = expected.Split('|');
        Assert.Equal(
            (fields[0], fields[1], fields[2], DateTimeOffset.Parse(fields[3], System.Globalization.CultureInfo.InvariantCulture), fields[4].Length == 0 ? (decimal?)null : decimal.Parse(fields[4], System.Globalization.CultureInfo.InvariantCulture), example),
            (activity.Id, activity.RepId, activity.Type, activity.OccurredAt, activity.Value, activity.Source));
    }

    [Fact]
    public void A_vendor_user_whose_email_no_rep_has_is_dead_lettered_with_the_fix()
    {
        var set = Read("dialer-calls");
        var payload = JsonNode.Parse(File.ReadAllText(Path.Combine(
            RepositoryRoot.Path, "tests", "SalesCoach.Live.Connectors.Tests", "VendorPayloads", "Aircall", "call-ended-answered.json")))!;
        payload["data"]!["user"]!["email"] = "someone@example.com";
        using var document = JsonDocument.Parse(payload.ToJsonString());

        var mapped = new EventMapper(Org).Map(set.Find("dialer-calls")!, set.RepAliases, document.RootElement);

        Assert.Empty(mapped.Activities);
        var error = Assert.Single(Assert.Single(mapped.Errors).Value);
        Assert.Contains("unknown rep alias 'someone@example.com'", error, StringComparison.Ordinal);
        Assert.Contains("or give the rep that e-mail in the org file", error, StringComparison.Ordinal);
    }

    /// <summary>The example's JSON block from the page, read as configuration over no built-in mapping.</summary>
    private static WebhookMappingSet Read(string example)
    {
        var match = Example().Matches(Page).SingleOrDefault(m => m.Groups["name"].Value == example)
            ?? throw new InvalidOperationException($"docs/integrations.md has no mapping example '{example}'.");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Webhooks:BuiltInSources"] = "false" })
            .AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(match.Groups["json"].Value)))
            .Build();
        return WebhookMappingReader.Read(WebhookMappings.Effective(configuration).GetSection("Webhooks"));
    }

    private static Organization OrgWithAnnasEmail()
    {
        var org = JsonNode.Parse(TestOrg.Json)!;
        org["teams"]![0]!["reps"]![0]!["email"] = "Anna.Berg@example.com";
        return OrgFile.Parse(org.ToJsonString(), "test-org.json");
    }

    [GeneratedRegex(@"<!-- mapping-example: (?<name>[a-z-]+) -->\s*```json\s*(?<json>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Example();
}
