using SalesCoach.Live.Abstractions.Coaching;

namespace SalesCoach.Live.Server.Coaching;

/// <summary>What writing a note did: the saved note, or the problems per field (nothing saved), or an unknown rep.</summary>
public sealed record NoteOutcome(CoachingNote? Saved, IReadOnlyDictionary<string, string[]> Errors, bool UnknownRep = false);
