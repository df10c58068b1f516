namespace SalesCoach.Live.Abstractions.Gamification;

/// <summary>The contests a team hosts (key: team id), so the wallboard and the manager view can find them.</summary>
public interface ICompetitionDirectoryGrain : IGrainWithStringKey
{
    /// <summary>Adds a contest, or updates its name and times (a rule change); the same listing twice changes nothing.</summary>
    Task AddAsync(CompetitionListing listing);

    /// <summary>The team's contests, newest end first.</summary>
    Task<CompetitionListing[]> ListAsync();
}
