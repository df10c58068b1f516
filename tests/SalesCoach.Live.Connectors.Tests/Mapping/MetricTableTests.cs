using SalesCoach.Live.Connectors.Mapping;
using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Connectors.Tests.Mapping;

public sealed class MetricTableTests
{
    private static MetricTable Table(string[] orgMetrics, params (string Kind, string? Metric)[] configured) =>
        MetricTable.Create(configured.ToDictionary(c => c.Kind, c => c.Metric), orgMetrics.Contains);

    public static TheoryData<string, string[], (string, string?)[], string, string?> Cases() => new()
    {
        { "default call", ["call", "meeting", "deal"], [], "call", "call" },
        { "default meetingBooked", ["call", "meeting", "deal"], [], "meetingBooked", "meeting" },
        { "default dealWon", ["call", "meeting", "deal"], [], "dealWon", "deal" },
        { "meetingHeld has no default", ["call", "meeting", "deal"], [], "meetingHeld", null },
        { "no default where the org lacks the metric", ["call"], [], "dealWon", null },
        { "configured metric", ["call", "meeting", "deal", "demo"], [("meetingHeld", "demo")], "meetingHeld", "demo" },
        { "configured over the default", ["call", "meeting", "connect"], [("call", "connect")], "call", "connect" },
        { "configured key in another case", ["call", "meeting", "demo"], [("MEETINGHELD", "demo")], "meetingHeld", "demo" },
        { "mapped to nothing (empty) drops the default", ["call", "meeting", "deal"], [("meetingBooked", "")], "meetingBooked", null },
        { "mapped to a metric the org lacks: ignored, no default either", ["call", "meeting", "deal"], [("call", "dials")], "call", null },
        { "other kinds keep their defaults", ["call", "meeting", "deal"], [("meetingBooked", "")], "call", "call" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Metric_for_a_kind(string because, string[] orgMetrics, (string, string?)[] configured, string kind, string? metric) =>
        Assert.True(metric == Table(orgMetrics, configured).MetricFor(kind), because);

    [Fact]
    public void Problems_name_unknown_kinds_and_missing_metrics()
    {
        var table = Table(["call"], ("calls", "call"), ("dealWon", "deal"));
        Assert.Equal(2, table.Problems.Count);
        Assert.Contains(table.Problems, p => p.Contains("'calls' is not a kind", StringComparison.Ordinal));
        Assert.Contains(table.Problems, p => p.Contains("no metric 'deal'", StringComparison.Ordinal));
    }

    [Fact]
    public void From_an_organization()
    {
        var table = MetricTable.Create(null, DemoOrg.Create());
        Assert.Equal("call", table.MetricFor(ActivityKinds.Call));
        Assert.Equal("meeting", table.MetricFor(ActivityKinds.MeetingBooked));
        Assert.Equal("deal", table.MetricFor(ActivityKinds.DealWon));
        Assert.Null(table.MetricFor(ActivityKinds.MeetingHeld));
    }
}

public sealed class RepDirectoryTests
{
    private static readonly RepContact[] Reps =
    [
        new("anna", "Anna.Berg@Example.com"),
        new("ben", "ben@example.com"),
        new("chloe", null),
    ];

    public static TheoryData<string, VendorUser?, (string, string)[], string?> Cases() => new()
    {
        { "e-mail match", new VendorUser("1", "ben@example.com"), [], "ben" },
        { "e-mail match ignores case", new VendorUser("1", "anna.berg@example.COM"), [], "anna" },
        { "no e-mail, no alias", new VendorUser("1", null), [], null },
        { "unknown e-mail", new VendorUser("1", "zoe@example.com"), [], null },
        { "alias by vendor user id", new VendorUser("41629779", null), [("41629779", "chloe")], "chloe" },
        { "alias by id ahead of the e-mail", new VendorUser("41629779", "ben@example.com"), [("41629779", "chloe")], "chloe" },
        { "alias by e-mail ahead of the rep's e-mail", new VendorUser("7", "ben@example.com"), [("BEN@example.com", "anna")], "anna" },
        { "alias to a rep the org lacks matches nothing", new VendorUser("7", "ben@example.com"), [("7", "ghost")], null },
        { "no user", null, [], null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Resolve(string because, VendorUser? user, (string, string)[] aliases, string? rep)
    {
        var directory = new RepDirectory(Reps, aliases.ToDictionary(a => a.Item1, a => (string?)a.Item2));
        Assert.True(rep == directory.Resolve(user), because);
    }

    [Fact]
    public void From_an_organization_with_emails_from_a_function()
    {
        var directory = RepDirectory.FromOrganization(DemoOrg.Create(), r => r.Id + "@example.com");
        Assert.Equal("anna", directory.Resolve(new VendorUser(null, "ANNA@example.com")));
    }
}

public sealed class ActivityResolverTests
{
    private static readonly DateTimeOffset At = new(2025, 12, 5, 9, 20, 0, TimeSpan.Zero);
    private static readonly MetricTable Metrics = MetricTable.Create(null, new[] { "call", "meeting", "deal" }.Contains);
    private static readonly RepDirectory Reps = new([new RepContact("anna", "anna@example.com")]);

    [Fact]
    public void A_qualifying_record_of_a_known_user_counts_with_a_lower_case_id()
    {
        var result = Assert.Single(ActivityResolver.Resolve(
            [KindObservation.Counts(ConnectorNames.Salesforce, ActivityKinds.DealWon, "006RO000000o1AAAAY", new VendorUser("005", "Anna@Example.com"), At, 1200)],
            Metrics, Reps));

        var count = Assert.IsType<CountActivity>(result);
        Assert.Equal("salesforce:dealwon:006ro000000o1aaaay", count.ActivityId);
        Assert.Equal(("anna", "deal", At, 1200d), (count.RepId, count.Metric, count.OccurredAt, count.Value!.Value));
    }

    [Fact]
    public void A_record_that_does_not_qualify_voids_whoever_owns_it()
    {
        var result = Assert.Single(ActivityResolver.Resolve(
            [KindObservation.Voids(ConnectorNames.HubSpot, ActivityKinds.Call, "512", new VendorUser("9", "nobody@example.com"))], Metrics, Reps));
        Assert.Equal(new VoidActivity("hubspot:call:512", ActivityKinds.Call, "512"), result);
    }

    [Fact]
    public void An_unknown_user_is_listed_with_the_waiting_record_and_counts_once_mapped()
    {
        var result = Assert.Single(ActivityResolver.Resolve(
            [KindObservation.Counts(ConnectorNames.Aircall, ActivityKinds.Call, "812", new VendorUser("456", "zoe@example.com"), At)], Metrics, Reps));

        var unmapped = Assert.IsType<UnmappedUser>(result);
        Assert.Equal(("456", "zoe@example.com", "aircall:call:812"), (unmapped.VendorUserId, unmapped.Email, unmapped.ActivityId));
        Assert.Equal(new CountActivity("aircall:call:812", "call", "812", "zoe", "call", At, null), unmapped.MappedTo("zoe"));
    }

    [Fact]
    public void A_kind_mapped_to_no_metric_gives_nothing_not_even_a_void() =>
        Assert.Empty(ActivityResolver.Resolve(
            [
                KindObservation.Counts(ConnectorNames.HubSpot, ActivityKinds.MeetingHeld, "513", new VendorUser("1", "anna@example.com"), At),
                KindObservation.Voids(ConnectorNames.HubSpot, ActivityKinds.MeetingHeld, "514"),
            ], Metrics, Reps));

    [Fact]
    public void A_record_without_owner_is_unmapped_with_no_user() =>
        Assert.IsType<UnmappedUser>(Assert.Single(ActivityResolver.Resolve(
            [KindObservation.Counts(ConnectorNames.Pipedrive, ActivityKinds.Call, "77", null, At)], Metrics, Reps)));
}

public sealed class VendorTimeTests
{
    [Theory]
    [InlineData("1764926400000", "2025-12-05T09:20:00+00:00")]
    [InlineData("2025-12-05T09:20:00.000Z", "2025-12-05T09:20:00+00:00")]
    [InlineData("2025-12-05T09:20:00Z", "2025-12-05T09:20:00+00:00")]
    [InlineData("2025-12-05T10:20:00+01:00", "2025-12-05T09:20:00+00:00")]
    [InlineData("2025-12-05T09:20:00.000+0000", "2025-12-05T09:20:00+00:00")]
    [InlineData("2025-12-05T11:20:00.000+0200", "2025-12-05T09:20:00+00:00")]
    [InlineData("2025-12-05 09:20:00", "2025-12-05T09:20:00+00:00")]
    [InlineData("2025-12-05", "2025-12-05T00:00:00+00:00")]
    public void Parses_every_vendor_format_as_UTC(string text, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), VendorTime.Parse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    public void Nothing_for_what_is_not_a_time(string? text) => Assert.Null(VendorTime.Parse(text));

    [Theory]
    [InlineData("2025-12-08", "14:00", "2025-12-08T14:00:00+00:00")]
    [InlineData("2025-12-08", null, "2025-12-08T00:00:00+00:00")]
    [InlineData("2025-12-08", "14:00:30", "2025-12-08T14:00:30+00:00")]
    public void Date_and_time(string date, string? time, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), VendorTime.FromDateAndTime(date, time));
}
