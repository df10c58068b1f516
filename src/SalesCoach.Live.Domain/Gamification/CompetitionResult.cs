namespace SalesCoach.Live.Domain.Gamification;

/// <summary>Standings at an instant; <see cref="WinnerId"/> is set once the contest is decided (null: no winner).</summary>
public sealed record CompetitionResult(DateTimeOffset AsOf, IReadOnlyList<CompetitionStanding> Standings, bool Decided, string? WinnerId);
