using SalesCoach.Live.Abstractions.Gamification;

namespace SalesCoach.Live.Grains.Gamification;

/// <summary>A team's list of contests; a contest adds itself when it is created (adding twice changes nothing).</summary>
[GrainType("competition-directory")]
public sealed class CompetitionDirectoryGrain(
    [PersistentState("competitionDirectory", "store")] IPersistentState<CompetitionDirectoryState> state)
    : Grain, ICompetitionDirectoryGrain
{
    public async Task AddAsync(CompetitionListing listing)
    {
        if (state.State.Entries.Any(e => e.Id == listing.Id))
        {
            return;
        }

        state.State.Entries.Add(new CompetitionDirectoryEntry { Id = listing.Id, Name = listing.Name, Start = listing.Start, End = listing.End });
        await state.WriteStateAsync();
    }

    public Task<CompetitionListing[]> ListAsync() =>
        Task.FromResult(state.State.Entries
            .OrderByDescending(e => e.End)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .Select(e => new CompetitionListing(e.Id, e.Name, e.Start, e.End))
            .ToArray());
}
