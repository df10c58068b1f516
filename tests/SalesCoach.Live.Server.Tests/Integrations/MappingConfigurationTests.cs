using System.Text.Json;
using Microsoft.Extensions.Configuration;
using SalesCoach.Live.Server.Integrations;
using SalesCoach.Live.Server.Tests.Infrastructure;

namespace SalesCoach.Live.Server.Tests.Integrations;

/// <summary>The path syntax and the reading of the <c>Webhooks</c> section, without a server.</summary>
public sealed class MappingConfigurationTests
{
    private const string Event = """
        { "engagement": { "ownerId": 101, "type": "CALL" }, "data": [ { "id": "d0" }, { "id": "d1" } ],
          "odd key": { "x.y": true }, "empty": null, "Mixed": "case" }
        """;

    [Theory]
    [InlineData("$.engagement.ownerId", "101")]
    [InlineData("engagement.type", "\"CALL\"")]
    [InlineData("data[1].id", "\"d1\"")]
    [InlineData("$.data[0].id", "\"d0\"")]
    [InlineData("$['odd key'][\"x.y\"]", "true")]
    [InlineData("$.mixed", "\"case\"")]
    [InlineData("$.missing | $.empty | $.engagement.type", "\"CALL\"")]
    [InlineData("$.data[5].id", null)]
    [InlineData("$.empty", null)]
    [InlineData("$.engagement.ownerId.deeper", null)]
    public void A_path_finds_what_it_names(string path, string? expected)
    {
        using var document = JsonDocument.Parse(Event);

        var found = FieldPath.Parse(path).Find(document.RootElement);

        Assert.Equal(expected, found?.GetRawText());
    }

    [Theory]
    [InlineData("")]
    [InlineData("$.")]
    [InlineData("$.a[x]")]
    [InlineData("$.a['open]")]
    [InlineData("$a")]
    [InlineData("$.a | ")]
    public void A_broken_path_is_refused(string path) =>
        Assert.False(FieldPath.TryParse(path, out _, out _));

    [Fact]
    public void The_built_in_mappings_are_valid_and_configuration_overrides_them_key_by_key()
    {
        var set = Read(new Dictionary<string, string?>
        {
            ["Webhooks:Sources:dialer:Fields:type:Map:demo_scheduled"] = "call,meeting",
            ["Webhooks:Sources:dialer:Filters:connectedOnly:Equals"] = "answered",
            ["Webhooks:Sources:salesforce-events:Fields:type:Map:Demo"] = "meeting",
            ["Webhooks:RepAliases:someone@example.com"] = "anna",
        });

        // No hubspot or salesforce mapping ships: those vendors never send a record a mapping could read (see the connectors).
        Assert.Equal(["dialer", "salesforce-events"], set.Sources.Keys.Order(StringComparer.Ordinal));
        var dialer = set.Find("DIALER")!;
        Assert.Equal("call,meeting", dialer.Fields["type"].Map!["demo_scheduled"]);
        Assert.Equal("call,meeting", dialer.Fields["type"].Map!["meeting_booked"]);
        Assert.Equal("answered", Assert.Single(dialer.Filters).EqualTo);
        Assert.Null(set.Find("hubspot"));
        Assert.Null(set.Find("salesforce"));
        var events = set.Find("salesforce-events")!;
        Assert.Equal("meeting", events.Fields["type"].Map!["Demo"]);
        Assert.Equal("deal", events.Fields["type"].Map!["Closed Won"]);
        Assert.Equal("anna", set.RepAliases["SOMEONE@example.com"]);

        var off = Read(new Dictionary<string, string?> { ["Webhooks:Sources:salesforce-events:Enabled"] = "false" });
        Assert.Null(off.Find("salesforce-events"));
        Assert.NotNull(off.Find("dialer"));
    }

    [Fact]
    public void Built_in_sources_can_be_left_out_and_a_source_of_ones_own_added()
    {
        var set = Read(new Dictionary<string, string?>
        {
            ["Webhooks:BuiltInSources"] = "false",
            ["Webhooks:Sources:aircall:Events"] = "$.data",
            ["Webhooks:Sources:aircall:Fields:id"] = "$.id",
            ["Webhooks:Sources:aircall:Fields:repId"] = "$.user.email",
            ["Webhooks:Sources:aircall:Fields:type:Value"] = "call",
            ["Webhooks:Sources:aircall:Fields:occurredAt:Path"] = "$.ended_at",
            ["Webhooks:Sources:aircall:Fields:occurredAt:Format"] = "unixSeconds",
        });

        var aircall = Assert.Single(set.Sources.Values);
        Assert.Equal(("aircall", "aircall:", "call"), (aircall.Name, aircall.IdPrefix, aircall.Fields["type"].Value));
    }

    [Fact]
    public void Every_problem_of_a_mapping_is_reported_with_its_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read(new Dictionary<string, string?>
        {
            ["Webhooks:Sources:dialer:Fields:occurredAt:Format"] = "isoo",
            ["Webhooks:Sources:dialer:Fields:colour"] = "$.colour",
            ["Webhooks:Sources:dialer:Filter:x"] = "typo",
            ["Webhooks:Sources:salesforce-events:Fields:repId"] = "$.data[owner",
            ["Webhooks:Sources:mine:Fields:id"] = "$.id",
            ["Webhooks:Sources:dead-letters:Fields:id"] = "$.id",
        }));

        Assert.Contains("Webhooks:Sources:dialer:Fields:occurredAt:Format: 'isoo' is not one of", error.Message);
        Assert.Contains("Webhooks:Sources:dialer:Fields:colour: unknown field", error.Message);
        Assert.Contains("Webhooks:Sources:dialer:Filter: unknown key", error.Message);
        Assert.Contains("Webhooks:Sources:salesforce-events:Fields:repId: '$.data[owner'", error.Message);
        Assert.Contains("Webhooks:Sources:mine:Fields:repId: is required", error.Message);
        Assert.Contains("Webhooks:Sources:dead-letters: 'dead-letters' cannot be a source name", error.Message);
    }

    [Fact]
    public void A_server_with_an_invalid_mapping_does_not_start_and_says_which_key()
    {
        var error = Assert.ThrowsAny<Exception>(() => new SalesCoachApp(settings: new Dictionary<string, string?>
        {
            ["Webhooks:Sources:dialer:Fields:occurredAt:Format"] = "isoo",
        }));

        var messages = string.Join(" | ", Flatten(error).Select(e => e.Message));
        Assert.Contains("Webhooks:Sources:dialer:Fields:occurredAt:Format", messages);
    }

    private static WebhookMappingSet Read(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return WebhookMappingReader.Read(WebhookMappings.Effective(configuration).GetSection("Webhooks"));
    }

    private static IEnumerable<Exception> Flatten(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }
        }
    }
}
