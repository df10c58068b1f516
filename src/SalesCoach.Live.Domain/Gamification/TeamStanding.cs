namespace SalesCoach.Live.Domain.Gamification;

/// <summary>A team on a team-vs-team board: ranked by <see cref="PerRep"/>; <see cref="Total"/> is shown for context.</summary>
public sealed record TeamStanding(string TeamId, string Name, int Rank, int RepCount, double Total, double PerRep);
