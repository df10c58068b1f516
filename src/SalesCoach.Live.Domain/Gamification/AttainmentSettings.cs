namespace SalesCoach.Live.Domain.Gamification;

/// <summary>
/// How attainment weighs goals: a weight per metric (a metric not listed weighs 1) and a cap on each goal's ratio,
/// so one runaway metric cannot carry a rep past everyone who keeps all their goals.
/// </summary>
public sealed record AttainmentSettings(IReadOnlyDictionary<string, double> Weights, double Cap = 1.5)
{
    /// <summary>Every metric weighs 1, ratios capped at 1.5.</summary>
    public static AttainmentSettings Default { get; } = new(new Dictionary<string, double>(StringComparer.Ordinal));

    public double WeightOf(string metric) => Weights.TryGetValue(metric, out var weight) ? weight : 1d;
}
