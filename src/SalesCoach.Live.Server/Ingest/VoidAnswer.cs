namespace SalesCoach.Live.Server.Ingest;

/// <summary>The answer to a void: the voided id, the id of its correction, and whether it had been voided before.</summary>
public sealed record VoidAnswer(string Id, string VoidId, bool AlreadyVoided);
