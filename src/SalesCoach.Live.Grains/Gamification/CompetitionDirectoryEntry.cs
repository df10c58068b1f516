namespace SalesCoach.Live.Grains.Gamification;

/// <summary>One contest of a team's directory.</summary>
public sealed class CompetitionDirectoryEntry
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public DateTimeOffset Start { get; set; }

    public DateTimeOffset End { get; set; }
}
