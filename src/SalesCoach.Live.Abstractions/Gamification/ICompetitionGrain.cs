namespace SalesCoach.Live.Abstractions.Gamification;

/// <summary>
/// One contest (key: its id). Its end is decided exactly once by a durable reminder; the winner is announced as a
/// moment and a celebration of the owning team.
/// </summary>
public interface ICompetitionGrain : IGrainWithStringKey
{
    /// <summary>Creates the contest; false when the id is taken.</summary>
    Task<bool> CreateAsync(CompetitionSpec spec);

    /// <summary>
    /// Changes a running contest's rules (name, end, first-to target, handicaps) and logs the change with who made it.
    /// A new end moves the end reminder with it; a decided or ended contest refuses.
    /// </summary>
    Task<CompetitionChangeOutcome> ChangeAsync(CompetitionChange change);

    /// <summary>The contest with its live standings, or null for an unknown id.</summary>
    Task<ContestSnapshot?> GetAsync();
}
