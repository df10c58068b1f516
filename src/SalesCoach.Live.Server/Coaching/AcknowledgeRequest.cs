namespace SalesCoach.Live.Server.Coaching;

/// <summary>Body of an acknowledgement: optionally snooze the item for some minutes as well.</summary>
public sealed record AcknowledgeRequest(int? SnoozeMinutes);
