namespace SalesCoach.Live.Server.Coaching;

/// <summary>One agreed action in a note request: text and an optional follow-up date (yyyy-MM-dd).</summary>
public sealed record CoachingActionRequest(string? Text, string? FollowUp);
