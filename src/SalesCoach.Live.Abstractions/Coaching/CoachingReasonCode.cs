namespace SalesCoach.Live.Abstractions.Coaching;

/// <summary>The reason codes of contract section 7 (JSON: <c>behindPace</c>, <c>idle</c>, … in camel case).</summary>
[GenerateSerializer]
public enum CoachingReasonCode
{
    BehindPace,
    Idle,
    LowConversion,
    TrendDown,
    ReadyForRecognition,
}

/// <summary>Conversions between the domain's reason code strings and <see cref="CoachingReasonCode"/>.</summary>
public static class CoachingReasonCodes
{
    public static CoachingReasonCode Parse(string code) => code switch
    {
        Domain.Coaching.ReasonCodes.BehindPace => CoachingReasonCode.BehindPace,
        Domain.Coaching.ReasonCodes.Idle => CoachingReasonCode.Idle,
        Domain.Coaching.ReasonCodes.LowConversion => CoachingReasonCode.LowConversion,
        Domain.Coaching.ReasonCodes.TrendDown => CoachingReasonCode.TrendDown,
        Domain.Coaching.ReasonCodes.ReadyForRecognition => CoachingReasonCode.ReadyForRecognition,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "not a reason code of contract section 7"),
    };
}
