namespace SalesCoach.Live.Storage.DeadLetters;

/// <summary>
/// A payload a webhook source sent that could not be taken as it was (not JSON, no mapping, an unknown rep alias,
/// an invalid activity), kept as received so that it can be replayed once the mapping is fixed.
/// </summary>
/// <param name="Id">The store's number for it, growing with every new dead letter.</param>
/// <param name="Source">The webhook source it came in through (<c>POST /api/webhooks/{source}</c>).</param>
/// <param name="Payload">The body as received (decoded as UTF-8).</param>
/// <param name="Reason">One line for people: what went wrong.</param>
/// <param name="Errors">The problems as a JSON object, keyed by event and field (<c>[2].repId</c>), as in the API's answers.</param>
/// <param name="ReceivedAt">When it first arrived.</param>
/// <param name="LastReceivedAt">When it last arrived (senders retry; the same payload is kept once).</param>
/// <param name="Attempts">How many times the source sent this same payload.</param>
/// <param name="ReplayedAt">When a replay took every event of it; null while it is open.</param>
public sealed record DeadLetter(
    long Id,
    string Source,
    string Payload,
    string Reason,
    string Errors,
    DateTimeOffset ReceivedAt,
    DateTimeOffset LastReceivedAt,
    int Attempts,
    DateTimeOffset? ReplayedAt)
{
    /// <summary>True while no replay has taken it.</summary>
    public bool IsOpen => ReplayedAt is null;
}
