using SalesCoach.Live.Connectors.Json;
using SalesCoach.Live.Connectors.Mapping;
using SalesCoach.Live.Connectors.Salesforce;

namespace SalesCoach.Live.Connectors.Tests.Vendors;

public sealed class SalesforceMappingTests
{
    private static readonly VendorUser Anna = new("005RO000000bbbbYAA", "anna.berg@example.com");

    private static IReadOnlyList<string> Lines(IEnumerable<KindObservation> observations) =>
        observations.Select(o => $"{o.ActivityId} {o.Qualifies}{(o.OccurredAt is { } at ? " " + at.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) : "")}").ToList();

    [Fact]
    public void The_documented_query_response_parses()
    {
        var result = Payloads.Read("Salesforce", "query-documented-example.json", ConnectorsJsonContext.Default.SalesforceQueryResultSalesforceOpportunity);
        Assert.Equal((true, 14, 2, null), (result.Done, result.TotalSize, result.Records.Count, result.NextRecordsUrl));
        Assert.Equal("Account", result.Records[0].Attributes?.Type);
    }

    [Fact]
    public void QueryAll_pages_follow_nextRecordsUrl_and_a_deleted_call_voids()
    {
        var page1 = Payloads.Read("Salesforce", "queryall-tasks-page1.json", ConnectorsJsonContext.Default.SalesforceQueryResultSalesforceTask);
        var page2 = Payloads.Read("Salesforce", "queryall-tasks-page2.json", ConnectorsJsonContext.Default.SalesforceQueryResultSalesforceTask);

        Assert.Equal((false, "/services/data/v62.0/query/01gRO0000016PIAYA2-2"), (page1.Done, page1.NextRecordsUrl));
        Assert.True(page2.Done);
        Assert.Equal(
            [
                "salesforce:call:00tro000001a1aaaay True 2025-12-05T09:20:00",
                "salesforce:call:00tro000001a1bbbby False",
                "salesforce:call:00tro000001a1ccccy False",
            ],
            Lines(page1.Records.Concat(page2.Records).SelectMany(SalesforceMapper.MapTask)));
        Assert.Equal(Anna, SalesforceMapper.MapTask(page1.Records[0])[0].Owner);
    }

    public static TheoryData<string, SalesforceTask, string[]> TaskCases() => new()
    {
        { "a completed call", Task("Call", "Completed", true, false), ["salesforce:call:t1 True 2025-12-05T09:20:00"] },
        { "closed by IsClosed alone (custom closed status)", Task("Call", "Done (custom)", true, false), ["salesforce:call:t1 True 2025-12-05T09:20:00"] },
        { "an open call task", Task("Call", "Not Started", false, false), ["salesforce:call:t1 False"] },
        { "a completed call, deleted", Task("Call", "Completed", true, true), ["salesforce:call:t1 False"] },
        { "a completed task that is not a call", Task("Task", "Completed", true, false), [] },
        { "an email task", Task("Email", "Completed", true, false), [] },
        { "completed without CompletedDateTime: CreatedDate", Task("Call", "Completed", true, false) with { CompletedDateTime = null }, ["salesforce:call:t1 True 2025-12-05T09:19:00"] },
    };

    private static SalesforceTask Task(string subtype, string status, bool closed, bool deleted) => new()
    {
        Id = "T1",
        OwnerId = "005",
        TaskSubtype = subtype,
        Status = status,
        IsClosed = closed,
        IsDeleted = deleted,
        CompletedDateTime = "2025-12-05T09:20:00.000+0000",
        CreatedDate = "2025-12-05T09:19:00.000+0000",
    };

    [Theory]
    [MemberData(nameof(TaskCases))]
    public void Tasks(string because, SalesforceTask task, string[] expected) =>
        Assert.True(expected.SequenceEqual(Lines(SalesforceMapper.MapTask(task))), because);

    [Fact]
    public void Events_are_booked_when_created_and_held_once_their_start_has_passed()
    {
        var events = Payloads.Read("Salesforce", "query-events.json", ConnectorsJsonContext.Default.SalesforceQueryResultSalesforceEvent).Records;
        var now = new DateTimeOffset(2025, 12, 5, 16, 0, 0, TimeSpan.Zero);

        Assert.Equal(
            [
                "salesforce:meetingbooked:00uro000000e1aaaa0 True 2025-12-01T08:00:00",
                "salesforce:meetingheld:00uro000000e1aaaa0 True 2025-12-05T14:00:00",
                "salesforce:meetingbooked:00uro000000e1bbbb0 True 2025-12-05T15:10:00",
                "salesforce:meetingheld:00uro000000e1bbbb0 False",
            ],
            Lines(events.SelectMany(e => SalesforceMapper.MapEvent(e, now))));
    }

    [Theory]
    [InlineData("2025-12-05T13:59:59Z", false)]
    [InlineData("2025-12-05T14:00:00Z", true)]
    public void Held_at_the_start_time(string now, bool held)
    {
        var meeting = new SalesforceEvent { Id = "E", StartDateTime = "2025-12-05T14:00:00.000+0000", CreatedDate = "2025-12-01T08:00:00.000+0000" };
        Assert.Equal(held, SalesforceMapper.MapEvent(meeting, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture))[1].Qualifies);
    }

    [Fact]
    public void A_deleted_event_voids_both_kinds() =>
        Assert.All(
            SalesforceMapper.MapEvent(new SalesforceEvent { Id = "E", StartDateTime = "2025-12-05T14:00:00.000+0000", CreatedDate = "2025-12-01T08:00:00.000+0000", IsDeleted = true }, DateTimeOffset.MaxValue),
            o => Assert.False(o.Qualifies));

    [Fact]
    public void Opportunities_count_while_won_at_their_close_date_with_their_amount()
    {
        var deals = Payloads.Read("Salesforce", "query-opportunities.json", ConnectorsJsonContext.Default.SalesforceQueryResultSalesforceOpportunity).Records;

        var observations = deals.SelectMany(SalesforceMapper.MapOpportunity).ToList();

        Assert.Equal(["salesforce:dealwon:006ro000000o1aaaay True 2025-12-05T00:00:00", "salesforce:dealwon:006ro000000o1bbbby False"], Lines(observations));
        Assert.Equal(12000.0, observations[0].Value);
        Assert.False(SalesforceMapper.MapOpportunity(deals[0] with { IsDeleted = true })[0].Qualifies);
        Assert.False(SalesforceMapper.MapOpportunity(deals[0] with { IsWon = false, StageName = "Negotiation/Review" })[0].Qualifies);
    }

    [Fact]
    public void Token_and_errors_parse()
    {
        var token = Payloads.Read("Salesforce", "token.json", ConnectorsJsonContext.Default.SalesforceToken);
        Assert.Equal(("Bearer", "https://yourInstance.salesforce.com"), (token.TokenType, token.InstanceUrl));

        var limit = Assert.Single(Payloads.Read("Salesforce", "error-request-limit.json", ConnectorsJsonContext.Default.ListSalesforceError));
        Assert.Equal("REQUEST_LIMIT_EXCEEDED", limit.ErrorCode);
    }

    [Fact]
    public void Soql_reads_by_SystemModstamp_from_the_cursor()
    {
        var since = new DateTimeOffset(2025, 12, 5, 10, 30, 0, TimeSpan.FromHours(1));
        Assert.Equal("2025-12-05T09:30:00Z", SalesforceMapper.Literal(since));
        Assert.Contains("FROM Task WHERE TaskSubtype = 'Call' AND SystemModstamp > 2025-12-05T09:30:00Z ORDER BY SystemModstamp", SalesforceMapper.TaskQuery(since), StringComparison.Ordinal);
        Assert.Contains("Owner.Email", SalesforceMapper.OpportunityQuery(since), StringComparison.Ordinal);
    }
}
