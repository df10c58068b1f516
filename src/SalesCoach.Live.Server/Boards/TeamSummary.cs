namespace SalesCoach.Live.Server.Boards;

/// <summary>An entry of <c>GET /api/teams</c>: the contract's id and name, plus the zone and the number of reps.</summary>
public sealed record TeamSummary(string Id, string Name, string TimeZone, int Reps);
