namespace SalesCoach.Live.Server.Views.Floor;

/// <summary>What applying a pushed delta did to a <see cref="LiveBoard"/>.</summary>
public enum DeltaOutcome
{
    /// <summary>The delta followed the board's version and is now part of it.</summary>
    Applied,

    /// <summary>The delta was not newer than the board (it raced the snapshot, or came twice): nothing changed.</summary>
    Stale,

    /// <summary>A delta between the board and this one was lost: the board needs a fresh snapshot.</summary>
    Gap,

    /// <summary>The delta belongs to another team.</summary>
    OtherTeam,
}
