namespace SalesCoach.Live.Domain.Coaching;

/// <summary>A rep in the coaching queue: how urgent (0..100), what to focus on, and why.</summary>
public sealed record CoachingItem(string RepId, string Name, int Priority, string FocusMetric, IReadOnlyList<CoachingReason> Reasons, string SuggestedFocus)
{
    /// <summary>True when the only reason is praise.</summary>
    public bool IsRecognition => Reasons.All(r => r.Code == ReasonCodes.ReadyForRecognition);
}
