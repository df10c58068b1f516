namespace SalesCoach.Live.Domain.Coaching;

/// <summary>The reason codes of contract section 7.</summary>
public static class ReasonCodes
{
    public const string BehindPace = "behindPace";
    public const string Idle = "idle";
    public const string LowConversion = "lowConversion";
    public const string TrendDown = "trendDown";
    public const string ReadyForRecognition = "readyForRecognition";

    public static readonly IReadOnlyList<string> Corrective = [BehindPace, Idle, LowConversion, TrendDown];
}
