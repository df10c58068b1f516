namespace SalesCoach.Live.Domain.Coaching;

/// <summary>
/// The Wilson score interval of a binomial proportion: unlike the raw ratio, it stays wide on few trials, so three
/// calls without a meeting prove nothing while sixty do.
/// </summary>
public static class WilsonInterval
{
    public static (double Lower, double Upper) Of(long successes, long trials, double z = 1.96)
    {
        if (trials <= 0)
        {
            return (0, 1);
        }

        var p = (double)successes / trials;
        var z2 = z * z;
        var denominator = 1 + (z2 / trials);
        var centre = (p + (z2 / (2 * trials))) / denominator;
        var margin = z * Math.Sqrt((p * (1 - p) / trials) + (z2 / (4.0 * trials * trials))) / denominator;
        return (Math.Max(0, centre - margin), Math.Min(1, centre + margin));
    }
}
