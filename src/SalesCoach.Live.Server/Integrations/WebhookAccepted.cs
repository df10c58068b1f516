namespace SalesCoach.Live.Server.Integrations;

/// <summary>
/// The 202 answer of <c>POST /api/webhooks/{source}</c>: events of the payload, activities recorded and seen before,
/// events filtered out, and events kept as a dead letter (with its id and the problems, keyed by event and field).
/// </summary>
public sealed record WebhookAccepted(
    int Events,
    int Accepted,
    int Duplicates,
    int Filtered,
    int DeadLettered,
    long? DeadLetterId,
    IDictionary<string, string[]> Errors)
{
    public static WebhookAccepted From(WebhookSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new(summary.Events, summary.Accepted, summary.Duplicates, summary.Filtered, summary.DeadLettered, summary.DeadLetterId, summary.Errors);
    }

    /// <summary>The counts as problem-details extensions, for the answers that refuse a payload.</summary>
    public static Dictionary<string, object?> Extensions(WebhookSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new Dictionary<string, object?>
        {
            ["deadLetterId"] = summary.DeadLetterId,
            ["events"] = summary.Events,
            ["accepted"] = summary.Accepted,
            ["duplicates"] = summary.Duplicates,
            ["filtered"] = summary.Filtered,
            ["deadLettered"] = summary.DeadLettered,
        };
    }
}
