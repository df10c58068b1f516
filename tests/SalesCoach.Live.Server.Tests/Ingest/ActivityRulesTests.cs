using Microsoft.Extensions.Time.Testing;
using SalesCoach.Live.Abstractions.Ingest;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Ingest;
using SalesCoach.Live.Server.Tests.Infrastructure;

namespace SalesCoach.Live.Server.Tests.Ingest;

/// <summary>
/// The rules of contract section 4 on typed activities (<see cref="ActivityRules"/>), the same for every edge: one
/// case per rule with its exact key and message, then the keys, the order and the all-or-nothing output.
/// </summary>
public sealed class ActivityRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(1));
    private static readonly Organization Org = OrgFile.Parse(TestOrg.Json, "test-org.json");
    private static readonly IncomingActivity Good = new("a-1", "anna", "call", Now.AddMinutes(-10));

    private readonly ActivityRules _rules = new(Org, new FakeTimeProvider(Now));

    public static TheoryData<IncomingActivity, string, string> BrokenRules => new()
    {
        { Good with { Id = null }, "[1].id", "is required" },
        { Good with { Id = "" }, "[1].id", "must be 1 to 128 characters, not only spaces" },
        { Good with { Id = "   " }, "[1].id", "must be 1 to 128 characters, not only spaces" },
        { Good with { Id = new string('x', 129) }, "[1].id", "must be 1 to 128 characters, not only spaces" },
        { Good with { Id = "a\u0001b" }, "[1].id", "must not contain control characters" },
        { Good with { Id = "a\u0085b" }, "[1].id", "must not contain control characters" },
        { Good with { Id = "void:a-1" }, "[1].id", "the prefix 'void:' is reserved for corrections (DELETE /api/activities/{id})" },
        { Good with { RepId = null }, "[1].repId", "is required" },
        { Good with { RepId = new string('r', 129) }, "[1].repId", "must be 1 to 128 characters, not only spaces" },
        { Good with { RepId = "an\tna" }, "[1].repId", "must not contain control characters" },
        { Good with { RepId = "zed" }, "[1].repId", "unknown rep 'zed'" },
        { Good with { Type = null }, "[1].type", "is required" },
        { Good with { Type = new string('t', 65) }, "[1].type", "must be 1 to 64 characters, not only spaces" },
        { Good with { Type = "email" }, "[1].type", "unknown metric 'email'" },
        { Good with { OccurredAt = null }, "[1].occurredAt", "is required" },
        { Good with { OccurredAt = Now.AddMinutes(5).AddTicks(1) }, "[1].occurredAt", "is more than 5 minutes in the future" },
        { Good with { Quantity = 0 }, "[1].quantity", "must be a whole number from 1 to 10000" },
        { Good with { Quantity = -3 }, "[1].quantity", "must be a whole number from 1 to 10000" },
        { Good with { Quantity = 10_001 }, "[1].quantity", "must be a whole number from 1 to 10000" },
        { Good with { Value = -0.01m }, "[1].value", "must be a number of 0 or more" },
        { Good with { Source = new string('s', 65) }, "[1].source", "must be a string of at most 64 characters without control characters" },
        { Good with { Source = "crm\n" }, "[1].source", "must be a string of at most 64 characters without control characters" },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public void A_broken_rule_is_named_by_item_and_field_with_the_contract_message_and_refuses_the_batch(IncomingActivity bad, string key, string message)
    {
        var (valid, errors) = _rules.Check(new IncomingBatch([Good, bad]));

        Assert.NotNull(errors);
        Assert.Equal(new Dictionary<string, string[]> { [key] = [message] }, errors.ToDictionary());
        Assert.Equal(["a-1"], valid.Select(a => a.Id));
        Assert.True(errors.HasAny(1));
        Assert.False(errors.HasAny(0));
    }

    public static TheoryData<IncomingActivity> EdgeCasesThatPass => new()
    {
        Good with { Id = new string('x', 128), RepId = "ben", Type = "deal" },
        Good with { OccurredAt = Now.AddMinutes(5) },
        Good with { OccurredAt = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.FromHours(-11)) },
        Good with { Quantity = 1 },
        Good with { Quantity = 10_000 },
        Good with { Value = 0m },
        Good with { Source = "" },
        Good with { Source = new string('s', 64) },
        Good with { Id = "voided-but-not-a-prefix void:" },
    };

    [Theory]
    [MemberData(nameof(EdgeCasesThatPass))]
    public void Values_at_the_edges_of_the_rules_pass(IncomingActivity activity)
    {
        var (valid, errors) = _rules.Check(new IncomingBatch([activity]));

        Assert.Null(errors);
        Assert.Single(valid);
    }

    [Fact]
    public void A_valid_activity_becomes_the_log_entry_with_quantity_1_by_default()
    {
        var deal = new IncomingActivity("d-1", "ben", "deal", Now.AddHours(-1), Quantity: null, Value: 4_999.90m, Source: "crm");

        var (valid, errors) = _rules.Check(new IncomingBatch([deal, Good with { Quantity = 7 }]));

        Assert.Null(errors);
        Assert.Equal(new Storage.Activities.ActivityToAppend("d-1", "ben", "deal", Now.AddHours(-1), 1, 4_999.90m, "crm"), valid[0]);
        Assert.Equal(7, valid[1].Quantity);
    }

    [Fact]
    public void A_single_object_names_fields_without_an_index()
    {
        var (_, errors) = _rules.Check(new IncomingBatch([Good with { RepId = "zed", Quantity = 0 }], single: true));

        Assert.Equal(new Dictionary<string, string[]> { ["repId"] = ["unknown rep 'zed'"], ["quantity"] = ["must be a whole number from 1 to 10000"] }, errors!.ToDictionary());
    }

    [Fact]
    public void An_empty_batch_is_a_problem_of_the_body()
    {
        var (valid, errors) = _rules.Check(new IncomingBatch([]));

        Assert.Empty(valid);
        Assert.Equal(new Dictionary<string, string[]> { ["body"] = ["the batch is empty: send one activity object or an array of 1 to 5000"] }, errors!.ToDictionary());
    }

    [Fact]
    public void Every_item_is_checked_and_problems_come_out_by_item_then_field_whoever_found_them()
    {
        // The edge found that item 2's quantity and item 0's occurredAt could not be read, after the rules ran on nothing:
        // the answer still lists item 0 before item 2 and, within an item, fields in the contract's order.
        var read = new IngestErrors(single: false);
        read.Add(2, ActivityField.Quantity, ActivityRules.QuantityMessage);
        read.Add(0, ActivityField.OccurredAt, "'yesterday' is not an ISO-8601 date and time with an offset, such as 2026-11-26T10:30:00+01:00");
        IncomingActivity[] items =
        [
            Good with { RepId = "zed", OccurredAt = null },
            Good,
            Good with { Id = null, Type = "email", Quantity = null },
        ];

        var (valid, errors) = _rules.Check(new IncomingBatch(items, readErrors: read));

        Assert.Equal(["a-1"], valid.Select(a => a.Id));
        Assert.Equal(
            [
                ("[0].repId", "unknown rep 'zed'"),
                ("[0].occurredAt", "'yesterday' is not an ISO-8601 date and time with an offset, such as 2026-11-26T10:30:00+01:00"),
                ("[2].id", "is required"),
                ("[2].type", "unknown metric 'email'"),
                ("[2].quantity", "must be a whole number from 1 to 10000"),
            ],
            errors!.ToDictionary().Select(e => (e.Key, Assert.Single(e.Value))));
    }

    [Fact]
    public void A_field_the_edge_could_not_read_is_not_reported_again_as_missing()
    {
        var read = new IngestErrors(single: false);
        read.Add(0, ActivityField.Id, "must be a string");

        var (_, errors) = _rules.Check(new IncomingBatch([Good with { Id = null }], readErrors: read));

        Assert.Equal(new Dictionary<string, string[]> { ["[0].id"] = ["must be a string"] }, errors!.ToDictionary());
    }

    [Fact]
    public void An_item_that_is_not_an_object_is_named_by_its_index_alone()
    {
        var read = new IngestErrors(single: false);
        read.Add(1, ActivityField.Item, ActivityRules.NotAnObject);

        var (valid, errors) = _rules.Check(new IncomingBatch([Good, IncomingActivity.Unreadable], readErrors: read));

        Assert.Single(valid);
        Assert.Equal(new Dictionary<string, string[]> { ["[1]"] = ["must be an activity object"] }, errors!.ToDictionary());
    }

    [Theory]
    [InlineData("2026-11-26T10:30:00+01:00", true, "")]
    [InlineData("2026-11-26T10:30Z", true, "")]
    [InlineData("2026-11-26T10:30:00.1234567-05:30", true, "")]
    [InlineData("2026-11-26T10:30:00", false, "'2026-11-26T10:30:00' is not an ISO-8601 date and time with an offset, such as 2026-11-26T10:30:00+01:00")]
    [InlineData("2026-11-26T10:30:00.12345678Z", false, "'2026-11-26T10:30:00.12345678Z' is not an ISO-8601 date and time with an offset, such as 2026-11-26T10:30:00+01:00")]
    [InlineData("2026-13-45T99:99:99+99:99", false, "'2026-13-45T99:99:99+99:99' is not an ISO-8601 date and time with an offset, such as 2026-11-26T10:30:00+01:00")]
    [InlineData("", false, "must be 1 to 64 characters, not only spaces")]
    [InlineData("  ", false, "must be 1 to 64 characters, not only spaces")]
    [InlineData("2026-11-26T10:30:00+01:00\u0000", false, "must not contain control characters")]
    public void The_text_of_occurredAt_is_ISO_8601_with_an_offset(string text, bool ok, string message)
    {
        Assert.Equal(ok, ActivityRules.TryParseOccurredAt(text, out var at, out var problem));
        Assert.Equal(message, problem);
        if (ok)
        {
            Assert.Equal(DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture), at);
        }
    }
}
