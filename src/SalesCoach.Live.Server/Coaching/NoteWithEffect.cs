using SalesCoach.Live.Abstractions.Coaching;
using SalesCoach.Live.Domain.Coaching;

namespace SalesCoach.Live.Server.Coaching;

/// <summary>A coaching note with its effect: the rep's pace on the focus metric and conversion before and after the 1:1.</summary>
public sealed record NoteWithEffect(CoachingNote Note, CoachingEffectFigures Effect);
