namespace SalesCoach.Live.Domain.Org;

/// <summary>A kind of activity the org counts (calls, meetings, deals), with its points on the board.</summary>
/// <param name="Key">The key activities use as their <c>type</c>.</param>
/// <param name="OutcomeOf">The metric this one is the outcome of (meetings come from calls), if any.</param>
/// <param name="Celebrate">Every accepted activity of this metric is celebrated on the wallboard.</param>
/// <param name="HasValue">Activities carry an amount (a deal's value).</param>
public sealed record Metric(string Key, string Name, int Points, string? OutcomeOf = null, bool Celebrate = false, bool HasValue = false);
