using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SalesCoach.Live.Abstractions.Ingest;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Ingest;
using SalesCoach.Live.Server.Tests.Infrastructure;

namespace SalesCoach.Live.Server.Tests.Ingest;

/// <summary>
/// The HTTP edge (<see cref="ActivityJsonReader"/>): JSON becomes typed activities once; what has the wrong JSON type or
/// format is reported here with the contract's key and message, and the rules then add theirs in the same answer.
/// </summary>
public sealed class ActivityJsonReaderTests
{
    private const string GoodItem = """{"id":"g-1","repId":"anna","type":"call","occurredAt":"2026-11-26T09:00:00+01:00"}""";
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(1));
    private static readonly Organization Org = OrgFile.Parse(TestOrg.Json, "test-org.json");

    public static TheoryData<string, string, string> UnreadableItems => new()
    {
        { """{"id":42,"repId":"anna","type":"call","occurredAt":"2026-11-26T09:00:00+01:00"}""", "[1].id", "must be a string" },
        { """{"id":"b","repId":true,"type":"call","occurredAt":"2026-11-26T09:00:00+01:00"}""", "[1].repId", "must be a string" },
        { """{"id":"b","repId":"anna","type":["call"],"occurredAt":"2026-11-26T09:00:00+01:00"}""", "[1].type", "must be a string" },
        { """{"id":"b","repId":"anna","type":"call","occurredAt":1764147600}""", "[1].occurredAt", "must be a string" },
        { """{"id":"b","repId":"anna","type":"call","occurredAt":"yesterday"}""", "[1].occurredAt", "'yesterday' is not an ISO-8601 date and time with an offset, such as 2026-11-26T10:30:00+01:00" },
        { """{"id":"b","repId":"anna","type":"call","occurredAt":"2026-11-26T09:00:00"}""", "[1].occurredAt", "'2026-11-26T09:00:00' is not an ISO-8601 date and time with an offset, such as 2026-11-26T10:30:00+01:00" },
        { """{"id":"b","repId":"anna","type":"call","occurredAt":""}""", "[1].occurredAt", "must be 1 to 64 characters, not only spaces" },
        { """{"id":"b","repId":"anna","type":"call","occurredAt":"2026-11-26T09:00:00+01:00","quantity":1.5}""", "[1].quantity", "must be a whole number from 1 to 10000" },
        { """{"id":"b","repId":"anna","type":"call","occurredAt":"2026-11-26T09:00:00+01:00","quantity":"3"}""", "[1].quantity", "must be a whole number from 1 to 10000" },
        { """{"id":"b","repId":"anna","type":"call","occurredAt":"2026-11-26T09:00:00+01:00","quantity":99999999999}""", "[1].quantity", "must be a whole number from 1 to 10000" },
        { """{"id":"b","repId":"anna","type":"deal","occurredAt":"2026-11-26T09:00:00+01:00","value":"12.50"}""", "[1].value", "must be a number of 0 or more" },
        { """{"id":"b","repId":"anna","type":"deal","occurredAt":"2026-11-26T09:00:00+01:00","value":1e400}""", "[1].value", "must be a number of 0 or more" },
        { """{"id":"b","repId":"anna","type":"call","occurredAt":"2026-11-26T09:00:00+01:00","source":5}""", "[1].source", "must be a string of at most 64 characters without control characters" },
        { "\"just a string\"", "[1]", "must be an activity object" },
        { "[]", "[1]", "must be an activity object" },
    };

    [Theory]
    [MemberData(nameof(UnreadableItems))]
    public void A_field_of_the_wrong_JSON_type_or_format_is_a_read_error_with_the_contract_key_and_message(string item, string key, string message)
    {
        using var document = JsonDocument.Parse($"[{GoodItem},{item}]");

        var batch = ActivityJsonReader.Read(document.RootElement);

        Assert.Equal(2, batch.Activities.Count);
        Assert.NotNull(batch.ReadErrors);
        Assert.Equal(new Dictionary<string, string[]> { [key] = [message] }, batch.ReadErrors.ToDictionary());
        var (valid, errors) = new ActivityRules(Org, new FakeTimeProvider(Now)).Check(batch);
        Assert.Equal(new Dictionary<string, string[]> { [key] = [message] }, errors!.ToDictionary());
        Assert.Equal(["g-1"], valid.Select(a => a.Id));
    }

    [Fact]
    public void Text_that_is_not_valid_UTF_8_is_named()
    {
        var body = Encoding.UTF8.GetBytes("""[{"id":"bad-X","repId":"anna","type":"call","occurredAt":"2026-11-26T09:00:00+01:00"}]""");
        body[Array.IndexOf(body, (byte)'X')] = 0xFF;
        using var document = JsonDocument.Parse(body);

        var batch = ActivityJsonReader.Read(document.RootElement);

        Assert.Equal(new Dictionary<string, string[]> { ["[0].id"] = ["must be valid UTF-8 text"] }, batch.ReadErrors!.ToDictionary());
    }

    [Fact]
    public void An_item_becomes_a_typed_activity_with_absent_and_null_fields_left_null()
    {
        using var document = JsonDocument.Parse("""
            [ {"id":"x-1","repId":"ben","type":"deal","occurredAt":"2026-11-26T09:15:30.5-05:00","quantity":3,"value":4999.90,"source":"crm"},
              {"id":"x-2","repId":null,"type":"call","occurredAt":"2026-11-26T09:00:00Z","quantity":null,"value":null,"source":null,"extra":[1]} ]
            """);

        var batch = ActivityJsonReader.Read(document.RootElement);

        Assert.Null(batch.ReadErrors);
        Assert.False(batch.Single);
        Assert.Equal(
            new IncomingActivity("x-1", "ben", "deal", new DateTimeOffset(2026, 11, 26, 9, 15, 30, 500, TimeSpan.FromHours(-5)), 3, 4999.90m, "crm"),
            batch.Activities[0]);
        Assert.Equal(new IncomingActivity("x-2", null, "call", new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero)), batch.Activities[1]);
        Assert.Equal(TimeSpan.FromHours(-5), batch.Activities[0].OccurredAt!.Value.Offset);
    }

    [Fact]
    public void A_single_object_is_a_batch_of_one_keyed_without_an_index()
    {
        using var document = JsonDocument.Parse("""{"id":7,"repId":"zed","type":"call","occurredAt":"2026-11-26T09:00:00+01:00"}""");

        var batch = ActivityJsonReader.Read(document.RootElement);
        var (_, errors) = new ActivityRules(Org, new FakeTimeProvider(Now)).Check(batch);

        Assert.True(batch.Single);
        Assert.Equal(new Dictionary<string, string[]> { ["id"] = ["must be a string"], ["repId"] = ["unknown rep 'zed'"] }, errors!.ToDictionary());
    }

    [Theory]
    [InlineData("42")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    public void A_body_that_is_neither_an_object_nor_an_array_is_a_problem_of_the_body(string body)
    {
        using var document = JsonDocument.Parse(body);

        var batch = ActivityJsonReader.Read(document.RootElement);

        Assert.Empty(batch.Activities);
        Assert.Equal(1, batch.Items);
        Assert.Equal(new Dictionary<string, string[]> { ["body"] = ["must be an activity object or an array of activity objects"] }, batch.ReadErrors!.ToDictionary());
    }

    [Fact]
    public void An_array_over_the_limit_is_counted_and_not_read_item_by_item()
    {
        using var document = JsonDocument.Parse("[" + string.Join(",", Enumerable.Repeat("{}", IngestLimits.MaxBatch + 1)) + "]");

        var batch = ActivityJsonReader.Read(document.RootElement);

        Assert.Empty(batch.Activities);
        Assert.Equal(IngestLimits.MaxBatch + 1, batch.Items);
    }
}
