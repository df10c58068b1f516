namespace SalesCoach.Live.Storage.DeadLetters;

/// <summary>
/// A page of dead letters: of one source or all (<see cref="Source"/> null), by status, newest first (or oldest first),
/// with ids below <see cref="BeforeId"/> and above <see cref="AfterId"/> when given.
/// </summary>
public sealed record DeadLetterQuery
{
    /// <summary>The most a page may hold.</summary>
    public const int MaxLimit = 1000;

    public string? Source { get; init; }

    public DeadLetterStatus Status { get; init; } = DeadLetterStatus.Open;

    public long? BeforeId { get; init; }

    public long? AfterId { get; init; }

    /// <summary>1 to <see cref="MaxLimit"/>.</summary>
    public int Limit { get; init; } = 100;

    /// <summary>Ascending ids (oldest first) instead of the default newest first.</summary>
    public bool OldestFirst { get; init; }
}
