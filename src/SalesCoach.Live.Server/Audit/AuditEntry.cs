namespace SalesCoach.Live.Server.Audit;

/// <summary>One log entry that moved a rep's numbers: an activity or the void of one, with the points it added or took away.</summary>
/// <param name="Kind"><c>activity</c> or <c>void</c>.</param>
/// <param name="Voids">For a void, the id of the activity it cancels.</param>
/// <param name="OccurredAt">When it happened, ISO-8601 in the team's offset.</param>
/// <param name="ReceivedAt">When the log received it, ISO-8601.</param>
public sealed record AuditEntry(
    string Id, string Kind, string? Voids, string Type, int Quantity, decimal? Value, int Points, string OccurredAt, string ReceivedAt, string? Source);
