using SalesCoach.Live.Abstractions.Gamification;

namespace SalesCoach.Live.Grains.Gamification;

/// <summary>
/// A team's list of contests; a contest adds itself when it is created and again when its name or end changes (adding
/// the same listing twice changes nothing).
/// </summary>
[GrainType("competition-directory")]
public sealed class CompetitionDirectoryGrain(
    [PersistentState("competitionDirectory", "store")] IPersistentState<CompetitionDirectoryState> state)
    : Grain, ICompetitionDirectoryGrain
{
    public async Task AddAsync(CompetitionListing listing)
    {
        if (state.State.Entries.Find(e => e.Id == listing.Id) is { } entry)
        {
            if (entry.Name == listing.Name && entry.Start == listing.Start && entry.End == listing.End)
            {
                return;
            }

            (entry.Name, entry.Start, entry.End) = (listing.Name, listing.Start, listing.End);
        }
        else
        {
            state.State.Entries.Add(new CompetitionDirectoryEntry { Id = listing.Id, Name = listing.Name, Start = listing.Start, End = listing.End });
        }

        await state.WriteStateAsync();
    }

    public Task<CompetitionListing[]> ListAsync() =>
        Task.FromResult(state.State.Entries
            .OrderByDescending(e => e.End)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .Select(e => new CompetitionListing(e.Id, e.Name, e.Start, e.End))
            .ToArray());
}
