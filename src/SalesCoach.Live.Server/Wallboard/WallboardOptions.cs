namespace SalesCoach.Live.Server.Wallboard;

/// <summary>The values a board definition may take, and its defaults.</summary>
public static class WallboardOptions
{
    /// <summary>
    /// The slides the wallboard knows: the leaderboard, the team's pace, the running competitions' standings, and
    /// today's badges and other moments. New ones are added here as the TV learns them.
    /// </summary>
    public static readonly IReadOnlyList<string> Slides = ["leaderboard", "pace", "competitions", "badges"];

    /// <summary>The slides of a board whose definition names none (those boards had before the gamification slides).</summary>
    public static readonly IReadOnlyList<string> DefaultSlides = ["leaderboard", "pace"];

    /// <summary>The themes of the wallboard; the first is the default.</summary>
    public static readonly IReadOnlyList<string> Themes = ["dark", "light"];

    /// <summary>Seconds per slide when the definition says nothing.</summary>
    public const int DefaultDwellSeconds = 20;

    /// <summary>The shortest dwell.</summary>
    public const int MinDwellSeconds = 5;

    /// <summary>The longest dwell.</summary>
    public const int MaxDwellSeconds = 3_600;

    /// <summary>At most this many teams on one board.</summary>
    public const int MaxTeams = 20;

    /// <summary>At most this many characters in a title or a token name.</summary>
    public const int MaxTitleLength = 100;

    /// <summary>At most this many characters in a board id.</summary>
    public const int MaxIdLength = 64;
}
