using System.Diagnostics;
using System.Numerics;

namespace SalesCoach.Live.LoadGen;

/// <summary>
/// A lock-free latency histogram in microseconds: exact below 2,048 µs, then 1,024 buckets per power of two (at most
/// 0.1 % off), so percentiles of millions of samples cost a few hundred kilobytes. Safe to record from many threads.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int Exact = 2048;
    private const int SubBuckets = 1024;
    private const int MaxExponent = 40;

    private readonly long[] _counts = new long[Exact + (MaxExponent * SubBuckets)];
    private long _count;
    private long _sumMicros;
    private long _maxMicros;

    public long Count => Interlocked.Read(ref _count);

    public double MaxMs => Interlocked.Read(ref _maxMicros) / 1000d;

    public double MeanMs => Count == 0 ? 0 : Interlocked.Read(ref _sumMicros) / 1000d / Count;

    /// <summary>Records the time from <paramref name="startTimestamp"/> to <paramref name="endTimestamp"/> (<see cref="Stopwatch"/> ticks).</summary>
    public void RecordTicks(long startTimestamp, long endTimestamp) =>
        RecordMicros((long)((endTimestamp - startTimestamp) * 1_000_000d / Stopwatch.Frequency));

    public void RecordMicros(long micros)
    {
        micros = Math.Max(0, micros);
        Interlocked.Increment(ref _counts[Index(micros)]);
        Interlocked.Increment(ref _count);
        Interlocked.Add(ref _sumMicros, micros);
        var max = Interlocked.Read(ref _maxMicros);
        while (micros > max)
        {
            var seen = Interlocked.CompareExchange(ref _maxMicros, micros, max);
            if (seen == max)
            {
                break;
            }

            max = seen;
        }
    }

    /// <summary>The value at quantile <paramref name="q"/> (0..1) in milliseconds (the bucket's upper bound); 0 when empty.</summary>
    public double PercentileMs(double q)
    {
        var total = Count;
        if (total == 0)
        {
            return 0;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(q * total));
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += Interlocked.Read(ref _counts[i]);
            if (seen >= rank)
            {
                return Math.Min(UpperBound(i), Interlocked.Read(ref _maxMicros)) / 1000d;
            }
        }

        return MaxMs;
    }

    public LatencySummary Summarise() => new(
        Count, PercentileMs(0.50), PercentileMs(0.90), PercentileMs(0.95), PercentileMs(0.99), PercentileMs(0.999), MaxMs, MeanMs);

    private static int Index(long micros)
    {
        if (micros < Exact)
        {
            return (int)micros;
        }

        var exponent = Math.Min(63 - BitOperations.LeadingZeroCount((ulong)micros) - 10, MaxExponent);
        var mantissa = (int)Math.Min(micros >> exponent, (2 * SubBuckets) - 1);
        return Exact + ((exponent - 1) * SubBuckets) + (mantissa - SubBuckets);
    }

    private static long UpperBound(int index)
    {
        if (index < Exact)
        {
            return index;
        }

        var exponent = ((index - Exact) / SubBuckets) + 1;
        var mantissa = ((index - Exact) % SubBuckets) + SubBuckets;
        return ((long)(mantissa + 1) << exponent) - 1;
    }
}

/// <summary>Percentiles of one histogram, in milliseconds.</summary>
internal sealed record LatencySummary(long Count, double P50, double P90, double P95, double P99, double P999, double Max, double Mean);
