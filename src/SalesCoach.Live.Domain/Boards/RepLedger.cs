using SalesCoach.Live.Domain.Calendar;

namespace SalesCoach.Live.Domain.Boards;

/// <summary>
/// A rep's activity totals per metric and local day. Period actuals are sums of days, so a late activity simply
/// lands on its own day and a period rolls over when the clock's local date does.
/// </summary>
public sealed class RepLedger
{
    private readonly Dictionary<string, Dictionary<DateOnly, DayTally>> _days = new(StringComparer.Ordinal);

    /// <summary>Adds one activity's quantity and value to its day; returns the day's new total.</summary>
    public DayTally Add(string metric, DateOnly day, long quantity, decimal value)
    {
        var days = DaysOf(metric);
        var tally = days.GetValueOrDefault(day).Add(quantity, value);
        days[day] = tally;
        return tally;
    }

    /// <summary>Sets a day's total outright (used by copies of a ledger that receive totals, not activities).</summary>
    public void Set(string metric, DateOnly day, DayTally tally) => DaysOf(metric)[day] = tally;

    public DayTally Get(string metric, DateOnly day) =>
        _days.TryGetValue(metric, out var days) ? days.GetValueOrDefault(day) : default;

    /// <summary>The quantity of the metric over each range, in one pass over the stored days.</summary>
    public void SumInto(string metric, ReadOnlySpan<PeriodRange> ranges, Span<long> sums)
    {
        sums.Clear();
        if (!_days.TryGetValue(metric, out var days))
        {
            return;
        }

        foreach (var (day, tally) in days)
        {
            for (var i = 0; i < ranges.Length; i++)
            {
                if (ranges[i].Contains(day))
                {
                    sums[i] += tally.Quantity;
                }
            }
        }
    }

    /// <summary>The quantity of the metric on the days of one range.</summary>
    public long Sum(string metric, PeriodRange range)
    {
        Span<long> sum = stackalloc long[1];
        SumInto(metric, [range], sum);
        return sum[0];
    }

    /// <summary>Forgets days before <paramref name="first"/>, to keep memory bounded.</summary>
    public void DropBefore(DateOnly first)
    {
        foreach (var days in _days.Values)
        {
            foreach (var day in days.Keys.Where(d => d < first).ToList())
            {
                days.Remove(day);
            }
        }
    }

    private Dictionary<DateOnly, DayTally> DaysOf(string metric)
    {
        if (!_days.TryGetValue(metric, out var days))
        {
            days = [];
            _days[metric] = days;
        }

        return days;
    }
}
