using SalesCoach.Live.Server.Coaching;

namespace SalesCoach.Live.Server.Views.Reps;

/// <summary>What the rep drill-down and "My pace" read and write about one rep (the page checks who may).</summary>
public interface IRepFile
{
    /// <summary>The rep's day and week; null for an unknown rep.</summary>
    Task<RepDay?> DayAsync(string repId, CancellationToken cancellationToken = default);

    /// <summary>The rep's streak and badges alone (what <see cref="DayAsync"/> has as <see cref="RepDay.Badges"/>); null for an unknown rep.</summary>
    Task<BadgeShelf?> BadgesAsync(string repId, CancellationToken cancellationToken = default);

    /// <summary>The rep's coaching notes, newest first, with their effect.</summary>
    Task<IReadOnlyList<NoteWithEffect>> NotesAsync(string repId, CancellationToken cancellationToken = default);

    /// <summary>Checks and saves a coaching note by <paramref name="author"/>.</summary>
    Task<NoteOutcome> AddNoteAsync(string repId, CoachingNoteRequest request, string author);
}
