namespace SalesCoach.Live.Storage.DeadLetters;

/// <summary>A payload to keep as a dead letter (see <see cref="DeadLetter"/> for the fields).</summary>
public sealed record NewDeadLetter(string Source, string Payload, string Reason, string Errors);
