using SalesCoach.Live.Abstractions.Coaching;
using SalesCoach.Live.Server.Coaching;
using SalesCoach.Live.Server.Views.Reps;

namespace SalesCoach.Live.Views.Tests.Infrastructure;

/// <summary>A rep's file as the test sets it up; notes written through it are kept and recorded.</summary>
public sealed class ScriptedRepFile : IRepFile
{
    public Dictionary<string, RepDay> Days { get; } = new(StringComparer.Ordinal);

    public List<NoteWithEffect> Notes { get; } = [];

    public List<(string RepId, CoachingNoteRequest Request, string Author)> Written { get; } = [];

    public Task<RepDay?> DayAsync(string repId, CancellationToken cancellationToken = default) => Task.FromResult(Days.GetValueOrDefault(repId));

    public Task<BadgeShelf?> BadgesAsync(string repId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Days.GetValueOrDefault(repId)?.Badges);

    public Task<IReadOnlyList<NoteWithEffect>> NotesAsync(string repId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<NoteWithEffect>>(Notes.Where(n => n.Note.RepId == repId).ToList());

    public Task<NoteOutcome> AddNoteAsync(string repId, CoachingNoteRequest request, string author)
    {
        Written.Add((repId, request, author));
        if (string.IsNullOrWhiteSpace(request.Discussed))
        {
            return Task.FromResult(new NoteOutcome(null, new Dictionary<string, string[]> { ["discussed"] = ["must say what was discussed"] }));
        }

        var note = new CoachingNote(
            $"n{Notes.Count + 1}", repId, DateOnly.Parse(request.HeldOn!, System.Globalization.CultureInfo.InvariantCulture), request.FocusMetric!,
            request.Discussed, [], request.Minutes ?? 0, author, DateTimeOffset.UnixEpoch);
        Notes.Insert(0, new NoteWithEffect(note, new Domain.Coaching.CoachingEffectFigures(0, 0, null, null, null, null, "Too early to tell.")));
        return Task.FromResult(new NoteOutcome(note, new Dictionary<string, string[]>()));
    }
}
