namespace SalesCoach.Live.Server.Integrations;

/// <summary>A dead letter a replay-all could not take yet, with the reason.</summary>
public sealed record ReplayFailure(long Id, string Reason);
