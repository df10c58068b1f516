namespace SalesCoach.Live.Server.Coaching;

/// <summary>Body of <c>POST /api/reps/{repId}/coaching-notes</c>.</summary>
public sealed record CoachingNoteRequest(
    string? Id, string? HeldOn, string? FocusMetric, string? Discussed, List<CoachingActionRequest>? Actions, int? Minutes);
