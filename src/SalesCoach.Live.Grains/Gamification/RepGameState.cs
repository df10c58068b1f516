namespace SalesCoach.Live.Grains.Gamification;

/// <summary>One rep's counts per recent local day, met days, at-risk marks, best day and badges.</summary>
public sealed class RepGameState
{
    /// <summary>Local day (<c>yyyy-MM-dd</c>) to metric to quantity, for the last <see cref="GamificationGrain.KeptDays"/> days.</summary>
    public Dictionary<string, Dictionary<string, long>> DayCounts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Local days on which the rep met every day goal (for streaks).</summary>
    public List<string> MetDays { get; set; } = [];

    /// <summary><c>day|metric</c> marks of day goals seen at risk.</summary>
    public List<string> AtRisk { get; set; } = [];

    /// <summary>The best points of a day that fell out of <see cref="DayCounts"/>.</summary>
    public long BestOlderDayPoints { get; set; }

    public List<BadgeEntry> Badges { get; set; } = [];

    /// <summary>The activities of the last hot-hand window (voids included, so they take back what they cancel).</summary>
    public List<TimedEntry> Recent { get; set; } = [];

    /// <summary>Local days on which the rep's hot hand was announced (once a day).</summary>
    public List<string> HotDays { get; set; } = [];
}
