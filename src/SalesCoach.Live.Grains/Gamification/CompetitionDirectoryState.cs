namespace SalesCoach.Live.Grains.Gamification;

/// <summary>A team's contests, stored as plain JSON in "store".</summary>
public sealed class CompetitionDirectoryState
{
    public List<CompetitionDirectoryEntry> Entries { get; set; } = [];
}
