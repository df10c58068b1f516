namespace SalesCoach.Live.Server.Integrations;

/// <summary>The 200 answer of a replay that took every event of a dead letter.</summary>
public sealed record ReplayResult(long Id, string Status, int Events, int Accepted, int Duplicates, int Filtered);
