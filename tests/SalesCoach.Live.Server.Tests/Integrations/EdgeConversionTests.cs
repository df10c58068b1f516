using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using SalesCoach.Live.Abstractions.Ingest;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Ingest;
using SalesCoach.Live.Server.Integrations;
using SalesCoach.Live.Server.Tests.Infrastructure;

namespace SalesCoach.Live.Server.Tests.Integrations;

/// <summary>
/// The webhook and CSV edges convert their input to typed activities once (<see cref="IncomingActivity"/>), and the
/// ingest rules (<see cref="ActivityRules"/>) then judge them as they judge a <c>POST /api/activities</c>.
/// </summary>
public sealed class EdgeConversionTests
{
    private static readonly Organization Org = OrgFile.Parse(TestOrg.Json, "test-org.json");
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 18, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void A_dialer_envelope_maps_to_typed_activities_with_the_event_each_came_from()
    {
        var set = Mappings();
        using var document = JsonDocument.Parse(WebhookSettings.Sample("dialer-batch.json"));

        var mapped = new EventMapper(Org).Map(set.Find("dialer")!, set.RepAliases, document.RootElement);

        var at = new DateTimeOffset(2026, 11, 24, 10, 30, 0, TimeSpan.FromHours(1));
        Assert.Equal(
            [
                (0, new IncomingActivity("dialer:CA-20261124-2001", "anna", "call", new DateTimeOffset(2026, 11, 24, 10, 5, 10, TimeSpan.FromHours(1)), Source: "dialer")),
                (2, new IncomingActivity("dialer:CA-20261124-2003", "ben", "call", at, Source: "dialer")),
                (2, new IncomingActivity("dialer:CA-20261124-2003/meeting", "ben", "meeting", at, Source: "dialer")),
            ],
            mapped.Activities);
        Assert.Equal((4, 1), (mapped.Events, mapped.Filtered));
        Assert.Equal(["[3].repId"], mapped.Errors.Keys);
        var (valid, errors) = new ActivityRules(Org, new FakeTimeProvider(Now)).Check(new IncomingBatch(mapped.Activities.ConvertAll(a => a.Activity)));
        Assert.Null(errors);
        Assert.Equal(3, valid.Count);
    }

    [Fact]
    public void A_platform_event_maps_its_quantity_and_amount_to_typed_numbers()
    {
        var set = Mappings();
        using var document = JsonDocument.Parse(WebhookSettings.Sample("salesforce-platform-event.json"));

        var mapped = new EventMapper(Org).Map(set.Find("salesforce-events")!, set.RepAliases, document.RootElement);

        var (_, deal) = Assert.Single(mapped.Activities);
        Assert.Equal(
            new IncomingActivity("salesforce-events:8d4b0f2a-5c1e-4f7e-9a0b-2f6d3c1e7a55", "ben", "deal", new DateTimeOffset(2026, 11, 24, 15, 10, 0, TimeSpan.Zero), 1, 12500.5m, "salesforce"),
            deal);
    }

    [Fact]
    public void A_mapped_activity_that_breaks_a_rule_gets_the_same_message_as_over_HTTP()
    {
        var set = Mappings();
        using var document = JsonDocument.Parse("""
            { "data": { "payload": { "Rep_Email__c": "anna@example.com", "Activity_Type__c": "Deal", "Occurred_At__c": "2026-11-24T15:10:00Z",
                                     "Quantity__c": 0, "Amount__c": -5, "External_Id__c": "x-1" }, "event": { } } }
            """);

        var mapped = new EventMapper(Org).Map(set.Find("salesforce-events")!, set.RepAliases, document.RootElement);
        var (_, errors) = new ActivityRules(Org, new FakeTimeProvider(Now)).Check(new IncomingBatch(mapped.Activities.ConvertAll(a => a.Activity)));

        Assert.Equal(
            new Dictionary<string, string[]> { ["[0].quantity"] = ["must be a whole number from 1 to 10000"], ["[0].value"] = ["must be a number of 0 or more"] },
            errors!.ToDictionary());
    }

    public static TheoryData<string[], IncomingActivity, string?> CsvRows => new()
    {
        // id, repId, type, occurredAt, quantity, value, source (the header's order here)
        { ["c-1", "anna", "call", "2026-11-17T09:10:00+01:00", "2", "", "backfill"], new("c-1", "anna", "call", new DateTimeOffset(2026, 11, 17, 9, 10, 0, TimeSpan.FromHours(1)), 2, null, "backfill"), null },
        { [" c-2 ", " ben ", "deal", " 2026-11-17T11:00:00Z ", " ", "4999.90", "  "], new("c-2", "ben", "deal", new DateTimeOffset(2026, 11, 17, 11, 0, 0, TimeSpan.Zero), null, 4999.90m, null), null },
        { ["c-3", "anna", "call", "2026-11-17T09:10:00+01:00", "+5", "1,000.5", "crm, old"], new("c-3", "anna", "call", new DateTimeOffset(2026, 11, 17, 9, 10, 0, TimeSpan.FromHours(1)), 5, 1000.5m, "crm, old"), null },
        { ["", "", "", "", "", "", ""], new(null, null, null, null), null },
        { ["c-4", "anna", "call", "last tuesday", "", "", ""], new("c-4", "anna", "call", null), "occurredAt: 'last tuesday' is not an ISO-8601 date and time with an offset, such as 2026-11-26T10:30:00+01:00" },
        { ["c-5", "anna", "call", "2026-11-17T09:10:00+01:00", "1.5", "", ""], new("c-5", "anna", "call", new DateTimeOffset(2026, 11, 17, 9, 10, 0, TimeSpan.FromHours(1))), "quantity: must be a whole number from 1 to 10000" },
        { ["c-6", "anna", "deal", "2026-11-17T09:10:00+01:00", "", "lots", ""], new("c-6", "anna", "deal", new DateTimeOffset(2026, 11, 17, 9, 10, 0, TimeSpan.FromHours(1))), "value: must be a number of 0 or more" },
    };

    [Theory]
    [MemberData(nameof(CsvRows))]
    public void A_CSV_row_becomes_a_typed_activity_and_what_does_not_parse_is_a_problem_of_its_field(string[] row, IncomingActivity expected, string? problem)
    {
        IngestErrors? errors = null;

        var activity = ActivityImporter.ToActivity(row, [0, 1, 2, 3, 4, 5, 6], 0, ref errors);

        Assert.Equal(expected, activity);
        Assert.Equal(problem, errors?.Problems.Select(p => $"{p.Field.Name()}: {p.Message}").Single());
    }

    [Fact]
    public void CSV_columns_are_found_by_header_name_and_missing_optional_ones_stay_null()
    {
        IngestErrors? errors = null;

        // The header was occurredAt, type, repId, id (no quantity, value or source).
        var activity = ActivityImporter.ToActivity(["2026-11-17T09:10:00+01:00", "meeting", "anna", "c-9"], [3, 2, 1, 0, -1, -1, -1], 0, ref errors);

        Assert.Null(errors);
        Assert.Equal(new IncomingActivity("c-9", "anna", "meeting", new DateTimeOffset(2026, 11, 17, 9, 10, 0, TimeSpan.FromHours(1))), activity);
    }

    private static WebhookMappingSet Mappings()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(WebhookSettings.Aliases()).Build();
        return WebhookMappingReader.Read(WebhookMappings.Effective(configuration).GetSection("Webhooks"));
    }
}
