namespace SalesCoach.Live.Domain.Org;

/// <summary>A sales rep. <see cref="Goals"/> are the rep's effective goals: the team's, with the rep's own overrides applied.</summary>
public sealed record Rep(string Id, string Name, string TeamId, IReadOnlyList<Goal> Goals);
