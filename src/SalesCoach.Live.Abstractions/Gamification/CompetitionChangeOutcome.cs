namespace SalesCoach.Live.Abstractions.Gamification;

/// <summary>What became of a <see cref="CompetitionChange"/>.</summary>
public enum CompetitionChangeOutcome
{
    /// <summary>The rules changed and the change is in the contest's log.</summary>
    Changed,

    /// <summary>Everything asked for was already so; nothing was logged.</summary>
    Unchanged,

    /// <summary>No contest has this id.</summary>
    NotFound,

    /// <summary>The contest is decided (or its end has passed); its rules are final.</summary>
    Finished,

    /// <summary>The new end is not after the contest's start or not in the future.</summary>
    EndNotAllowed,
}
