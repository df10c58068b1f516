using SalesCoach.Live.Domain.Gamification;
using SalesCoach.Live.Domain.Pacing;
using static SalesCoach.Live.Domain.Tests.Moments;

namespace SalesCoach.Live.Domain.Tests.Gamification;

/// <summary>The shipped badge table (<see cref="BadgeRules.Default"/>), one rule at a time.</summary>
public sealed class BadgeRuleTests
{
    private static readonly DateOnly Today = Date("2026-11-26");

    [Theory]
    // metric of the activity, rep's meetings today after it, team's meetings before it
    [InlineData("meeting", 1, 0, true)]
    [InlineData("meeting", 2, 1, false)] // someone else booked the first
    [InlineData("call", 1, 0, false)] // a call is not a meeting
    [InlineData(null, 1, 0, false)] // a clock tick awards no "first"
    [InlineData("meeting", 0, 0, false)] // a void brought the rep back to 0
    public void First_meeting_of_the_day(string? metric, long repMeetings, long teamBefore, bool earned)
    {
        var context = Context(metric: metric, day: new() { ["meeting"] = repMeetings }, teamBefore: new() { ["meeting"] = teamBefore });

        Assert.Equal(earned, Earned("first-meeting", context));
    }

    [Theory]
    [InlineData(130, 120, true)]
    [InlineData(120, 120, false)] // equalling is not a best
    [InlineData(50, 0, false)] // a first day ever has nothing to beat
    public void Personal_best_day(long points, long best, bool earned) =>
        Assert.Equal(earned, Earned("personal-best", Context(points: points, best: best)));

    [Theory]
    [InlineData("11:59:59", 60, true)]
    [InlineData("12:00:00", 60, false)] // noon is not before noon
    [InlineData("10:00:00", 59, false)]
    [InlineData("10:00:00", 75, true)]
    public void Goal_met_before_noon(string localTime, long calls, bool earned)
    {
        var context = Context(time: TimeSpan.Parse(localTime, System.Globalization.CultureInfo.InvariantCulture), day: new() { ["call"] = calls });

        Assert.Equal(earned, Earned("goal-before-noon", context));
    }

    [Theory]
    [InlineData(true, PaceStatus.OnPace, true)]
    [InlineData(true, PaceStatus.Ahead, true)]
    [InlineData(true, PaceStatus.Behind, false)] // better, but not back on pace
    [InlineData(false, PaceStatus.OnPace, false)] // never at risk: no comeback
    public void Comeback_from_at_risk_to_on_pace(bool wasAtRisk, PaceStatus now, bool earned)
    {
        var context = Context(status: now, atRisk: wasAtRisk ? ["call"] : []);

        Assert.Equal(earned, Earned("comeback", context));
    }

    [Theory]
    [InlineData("call", 99, false)]
    [InlineData("call", 100, true)]
    [InlineData("call", 103, true)] // a batch jumped past 100
    [InlineData("meeting", 100, false)] // it takes a call to earn it
    public void Hundredth_call_of_the_week(string metric, long weekCalls, bool earned) =>
        Assert.Equal(earned, Earned("century-calls", Context(metric: metric, week: new() { ["call"] = weekCalls })));

    [Fact]
    public void Each_rule_awards_once_per_period()
    {
        var context = Context(metric: "call", week: new() { ["call"] = 100 }, points: 200, best: 100);
        var first = BadgeBook.Evaluate(BadgeRules.Default, context, Today, new HashSet<string>());
        var awarded = first.Select(a => a.Key).ToHashSet();

        Assert.Equal(["personal-best", "century-calls"], first.Select(a => a.RuleId));
        Assert.Equal(["2026-11-26", "2026-W48"], first.Select(a => a.PeriodKey));
        Assert.Empty(BadgeBook.Evaluate(BadgeRules.Default, context, Today, awarded));
        // The next day the daily rule may award again; the weekly one may not.
        Assert.Equal(["personal-best"], BadgeBook.Evaluate(BadgeRules.Default, context, Today.AddDays(1), awarded).Select(a => a.RuleId));
        // A new ISO week: both again.
        Assert.Equal(2, BadgeBook.Evaluate(BadgeRules.Default, context, Date("2026-11-30"), awarded).Count);
    }

    [Theory]
    [InlineData("2026-11-26", BadgePeriod.Day, "2026-11-26")]
    [InlineData("2026-11-26", BadgePeriod.Week, "2026-W48")]
    [InlineData("2027-01-01", BadgePeriod.Week, "2026-W53")] // ISO week-year, not the calendar year
    [InlineData("2026-01-01", BadgePeriod.Week, "2026-W01")]
    public void Period_keys_follow_iso_weeks(string date, BadgePeriod period, string key) =>
        Assert.Equal(key, BadgeBook.PeriodKey(period, Date(date)));

    private static bool Earned(string ruleId, BadgeContext context) =>
        BadgeBook.IsEarned(BadgeRules.Default.Single(r => r.Id == ruleId), context);

    private static BadgeContext Context(
        string? metric = "call",
        Dictionary<string, long>? day = null,
        Dictionary<string, long>? week = null,
        Dictionary<string, long>? teamBefore = null,
        long points = 0,
        long best = 0,
        TimeSpan? time = null,
        PaceStatus status = PaceStatus.Behind,
        HashSet<string>? atRisk = null) =>
        new(
            "anna",
            Instant("2026-11-26T14:00:00+01:00"),
            time ?? TimeSpan.FromHours(14),
            metric,
            day ?? [],
            week ?? [],
            teamBefore ?? [],
            points,
            best,
            new Dictionary<string, double> { ["call"] = 60, ["meeting"] = 3 },
            new Dictionary<string, PaceStatus> { ["call"] = status, ["meeting"] = PaceStatus.Behind },
            atRisk ?? []);
}
