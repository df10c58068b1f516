using SalesCoach.Live.Domain.Coaching;
using SalesCoach.Live.Domain.Gamification;
using static SalesCoach.Live.Domain.Tests.Moments;

namespace SalesCoach.Live.Domain.Tests.Gamification;

/// <summary><see cref="HotHand"/>: N activities within M minutes.</summary>
public sealed class HotHandTests
{
    [Theory]
    // activities as "minute:quantity" after 10:00 UTC; rule 3 within 10 minutes
    [InlineData("0:1,4:1,9:1", "10:09")]
    [InlineData("0:1,5:1,10:1", null)] // the first falls out of the window as the third comes in
    [InlineData("0:1,5:1,10:1,12:1", "10:12")]
    [InlineData("0:3", "10:00")] // one activity of quantity 3
    [InlineData("0:1,1:1,2:-1,3:1", null)] // a void takes one back
    [InlineData("0:1,1:1,2:-1,3:1,4:1", "10:04")]
    [InlineData("", null)]
    public void Hot_hand_needs_the_count_within_the_window(string activities, string? reached)
    {
        var rule = new HotHand(3, TimeSpan.FromMinutes(10));

        var first = rule.FirstReached(Parse(activities));

        Assert.Equal(reached is null ? null : Instant($"2026-11-26T{reached}:00Z"), first);
    }

    [Fact]
    public void Only_the_rule_metric_counts()
    {
        var rule = new HotHand(2, TimeSpan.FromMinutes(10), "call");
        var activities = new[] { At(0, 1, "call"), At(1, 1, "meeting"), At(2, 1, "call") };

        Assert.Equal(Instant("2026-11-26T10:02:00Z"), rule.FirstReached(activities));
        Assert.True(rule.IsHot(activities, Instant("2026-11-26T10:05:00Z")));
        Assert.False(rule.IsHot(activities, Instant("2026-11-26T10:10:00Z")));
    }

    private static TimedActivity At(int minute, int quantity, string metric = "call") =>
        new(Instant("2026-11-26T10:00:00Z").AddMinutes(minute), metric, quantity);

    private static IEnumerable<TimedActivity> Parse(string activities) =>
        activities.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(a =>
        {
            var parts = a.Split(':');
            return At(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        }).ToList();
}
