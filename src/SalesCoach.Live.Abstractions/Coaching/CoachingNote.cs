namespace SalesCoach.Live.Abstractions.Coaching;

/// <summary>A coaching note (the 1:1 log): when, on what, what was discussed, what was agreed, and how long it took.</summary>
[GenerateSerializer, Immutable]
public sealed record CoachingNote(
    [property: Id(0)] string Id,
    [property: Id(1)] string RepId,
    [property: Id(2)] DateOnly HeldOn,
    [property: Id(3)] string FocusMetric,
    [property: Id(4)] string Discussed,
    [property: Id(5)] CoachingAction[] Actions,
    [property: Id(6)] int Minutes,
    [property: Id(7)] string Author,
    [property: Id(8)] DateTimeOffset CreatedAt);
