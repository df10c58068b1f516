namespace SalesCoach.Live.Server.Integrations;

/// <summary>
/// What became of one webhook payload (or of a replay of one): its events recorded, filtered out or kept as a dead
/// letter. <see cref="Accepted"/> and <see cref="Duplicates"/> count activities (an event may make more than one).
/// </summary>
public sealed record WebhookSummary(
    int Events,
    int Accepted,
    int Duplicates,
    int Filtered,
    int DeadLettered,
    long? DeadLetterId,
    IDictionary<string, string[]> Errors)
{
    /// <summary>True when no event went through (and at least one could not be taken): the whole payload is refused.</summary>
    public bool NothingTaken => DeadLettered > 0 && Accepted + Duplicates == 0 && Filtered == 0;
}
