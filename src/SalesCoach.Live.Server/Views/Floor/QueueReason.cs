namespace SalesCoach.Live.Server.Views.Floor;

/// <summary>One reason a rep is in the coaching queue: its code, the plain sentence, and the metric it concerns.</summary>
public sealed record QueueReason(string Code, string Text, string? Metric);
