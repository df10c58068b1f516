namespace SalesCoach.Live.Domain.Pacing;

/// <summary>The pace ratios at which a status begins (contract section 3 defaults).</summary>
public sealed record PaceThresholds(double Ahead = 1.1, double OnPace = 0.9, double Behind = 0.7)
{
    public static PaceThresholds Default { get; } = new();

    public PaceStatus StatusOf(double paceRatio) =>
        paceRatio >= Ahead ? PaceStatus.Ahead
        : paceRatio >= OnPace ? PaceStatus.OnPace
        : paceRatio >= Behind ? PaceStatus.Behind
        : PaceStatus.AtRisk;
}
