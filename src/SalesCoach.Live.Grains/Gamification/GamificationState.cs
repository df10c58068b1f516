namespace SalesCoach.Live.Grains.Gamification;

/// <summary>A team's gamification memory, stored as plain JSON in "store".</summary>
public sealed class GamificationState
{
    /// <summary>The highest RepSeq taken in per rep: anything at or below it was seen and is ignored.</summary>
    public Dictionary<string, long> RepSeqs { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, RepGameState> Reps { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The local day the feed belongs to (<c>yyyy-MM-dd</c>).</summary>
    public string FeedDay { get; set; } = "";

    public List<MomentEntry> Feed { get; set; } = [];

    /// <summary>The rep leading today's points, announced once when they take the lead.</summary>
    public string? Leader { get; set; }
}
