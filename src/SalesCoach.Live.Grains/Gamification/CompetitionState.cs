namespace SalesCoach.Live.Grains.Gamification;

/// <summary>A contest's definition and its decision, stored as plain JSON in "store".</summary>
public sealed class CompetitionState
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string TeamId { get; set; } = "";

    public string Scope { get; set; } = "";

    public List<string> Participants { get; set; } = [];

    public string By { get; set; } = "";

    public string Finish { get; set; } = "";

    public double Target { get; set; }

    public DateTimeOffset Start { get; set; }

    public DateTimeOffset End { get; set; }

    public Dictionary<string, double> Handicaps { get; set; } = new(StringComparer.Ordinal);

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set once, by the end reminder; never changed afterwards.</summary>
    public bool Decided { get; set; }

    public string? WinnerId { get; set; }

    public double? WinnerScore { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>Every change of the rules while the contest ran, oldest first (a state written before it had none).</summary>
    public List<RuleChangeEntry> RuleChanges { get; set; } = [];
}
