namespace SalesCoach.Live.Domain.Org;

/// <summary>
/// A sales rep. <see cref="Goals"/> are the rep's effective goals: the team's, with the rep's own overrides applied.
/// <see cref="Email"/> (optional, unique in the org ignoring case) is how connectors match a CRM or dialer user to the rep.
/// </summary>
public sealed record Rep(string Id, string Name, string TeamId, IReadOnlyList<Goal> Goals, string? Email = null);
