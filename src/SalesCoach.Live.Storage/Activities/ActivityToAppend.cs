namespace SalesCoach.Live.Storage.Activities;

/// <summary>A validated activity on its way into the log. <see cref="Id"/> is the idempotency key.</summary>
public sealed record ActivityToAppend(
    string Id,
    string RepId,
    string Type,
    DateTimeOffset OccurredAt,
    int Quantity,
    decimal? Value,
    string? Source);
