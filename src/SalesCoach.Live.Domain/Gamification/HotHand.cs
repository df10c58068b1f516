using SalesCoach.Live.Domain.Coaching;

namespace SalesCoach.Live.Domain.Gamification;

/// <summary>
/// "Hot hand": at least <see cref="Count"/> activities within <see cref="Window"/>. Quantities add up, so a void
/// (negative quantity) takes back what it cancels. <see cref="Metric"/> null counts every metric.
/// </summary>
public sealed record HotHand(int Count, TimeSpan Window, string? Metric = null)
{
    /// <summary>Ten activities within thirty minutes.</summary>
    public static HotHand Default { get; } = new(10, TimeSpan.FromMinutes(30));

    /// <summary>The first instant the rep was hot (the activity that completed the run), or null.</summary>
    public DateTimeOffset? FirstReached(IEnumerable<TimedActivity> activities)
    {
        var ordered = activities
            .Where(a => Metric is null || a.Metric == Metric)
            .OrderBy(a => a.OccurredAt)
            .ToList();
        var start = 0;
        long sum = 0;
        for (var end = 0; end < ordered.Count; end++)
        {
            sum += ordered[end].Quantity;
            while (ordered[end].OccurredAt - ordered[start].OccurredAt >= Window)
            {
                sum -= ordered[start].Quantity;
                start++;
            }

            if (ordered[end].Quantity > 0 && sum >= Count)
            {
                return ordered[end].OccurredAt;
            }
        }

        return null;
    }

    /// <summary>Whether the rep is hot at <paramref name="at"/>: the window ending then holds enough.</summary>
    public bool IsHot(IEnumerable<TimedActivity> activities, DateTimeOffset at) =>
        activities
            .Where(a => (Metric is null || a.Metric == Metric) && a.OccurredAt <= at && at - a.OccurredAt < Window)
            .Sum(a => (long)a.Quantity) >= Count;
}
