using SalesCoach.Live.Abstractions.Coaching;

namespace SalesCoach.Live.Grains.Coaching;

/// <summary>Keeps a rep's coaching notes; a note written twice (same id) is kept once.</summary>
[GrainType("coaching-notes")]
public sealed class CoachingNotesGrain([PersistentState("repCoachingNotes", "store")] IPersistentState<CoachingNotesState> state)
    : Grain, ICoachingNotesGrain
{
    public async Task AddAsync(CoachingNote note)
    {
        if (state.State.Notes.Any(n => n.Id == note.Id))
        {
            return;
        }

        state.State.Notes.Add(note);
        await state.WriteStateAsync();
    }

    public Task<CoachingNote[]> ListAsync() =>
        Task.FromResult(state.State.Notes.OrderByDescending(n => n.HeldOn).ThenByDescending(n => n.CreatedAt).ToArray());
}
