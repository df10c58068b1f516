namespace SalesCoach.Live.Domain.Coaching;

/// <summary>
/// The knobs of the coaching signals (configuration section <c>Coaching</c>). Every "enter" threshold has a looser
/// "stay" twin, so a rep near a threshold does not flap in and out of the queue.
/// </summary>
public sealed record CoachingSettings
{
    /// <summary>A day goal is judged once this share of the day's working time has gone (0.25: two hours of eight).</summary>
    public double BehindPaceMinElapsedDay { get; init; } = 0.25;

    /// <summary>Week, month and quarter goals are judged once this share of their working time has gone.</summary>
    public double BehindPaceMinElapsedLonger { get; init; } = 0.15;

    /// <summary>Enter below this pace ratio (the contract's "behind" starts under 0.9).</summary>
    public double BehindPaceEnterRatio { get; init; } = 0.9;

    /// <summary>Stay while below this pace ratio.</summary>
    public double BehindPaceStayRatio { get; init; } = 0.95;

    /// <summary>Working minutes without any activity that make a rep idle.</summary>
    public double IdleMinutes { get; init; } = 60;

    /// <summary>Attempts (e.g. calls) the rep and the rest of the team need before conversion is judged.</summary>
    public int MinAttempts { get; init; } = 20;

    /// <summary>z of the Wilson interval (1.96: 95%).</summary>
    public double ConversionZ { get; init; } = 1.96;

    /// <summary>Stay in the queue while the rep's upper bound is below the team rate times this.</summary>
    public double ConversionStayFactor { get; init; } = 1.1;

    /// <summary>How many earlier comparable working days make the rep's usual level.</summary>
    public int TrendDays { get; init; } = 4;

    /// <summary>The usual count by this time must be at least this to judge a trend.</summary>
    public double TrendMinUsual { get; init; } = 5;

    /// <summary>Working time of today that must have gone before a trend is judged.</summary>
    public double TrendMinElapsedMinutes { get; init; } = 60;

    /// <summary>Enter below this share of the usual level.</summary>
    public double TrendEnterShare { get; init; } = 0.6;

    /// <summary>Stay while below this share of the usual level.</summary>
    public double TrendStayShare { get; init; } = 0.7;

    /// <summary>A pace ratio from which a rep is far enough ahead to praise.</summary>
    public double RecognitionRatio { get; init; } = 1.5;

    /// <summary>Weight of a metric in the priority (by metric key); 1 when not listed.</summary>
    public IReadOnlyDictionary<string, double> MetricWeights { get; init; } = new Dictionary<string, double>();

    public static CoachingSettings Default { get; } = new();
}
