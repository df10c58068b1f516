namespace SalesCoach.Live.Domain.Gamification;

/// <summary>One participant's place in a contest. <see cref="ReachedAt"/>: when a first-to contest's target was reached.</summary>
public sealed record CompetitionStanding(string Id, string Name, int Rank, double Score, DateTimeOffset? ReachedAt);
