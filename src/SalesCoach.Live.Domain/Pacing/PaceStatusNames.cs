namespace SalesCoach.Live.Domain.Pacing;

/// <summary>The contract's names of <see cref="PaceStatus"/> values.</summary>
public static class PaceStatusNames
{
    public static string ToName(this PaceStatus status) => status switch
    {
        PaceStatus.NotStarted => "notStarted",
        PaceStatus.AtRisk => "atRisk",
        PaceStatus.Behind => "behind",
        PaceStatus.OnPace => "onPace",
        PaceStatus.Ahead => "ahead",
        PaceStatus.NoGoal => "noGoal",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
