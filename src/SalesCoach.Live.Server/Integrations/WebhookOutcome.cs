namespace SalesCoach.Live.Server.Integrations;

/// <summary>What became of a webhook payload or of a replay.</summary>
public abstract record WebhookOutcome
{
    private WebhookOutcome()
    {
    }

    /// <summary>Mapped and sent through the ingest pipeline; what could not be taken is in the dead-letter table.</summary>
    public sealed record Processed(WebhookSummary Summary) : WebhookOutcome;

    /// <summary>The store did not answer: nothing is acknowledged (a retry is safe: ids and payload hashes make it so).</summary>
    public sealed record StoreUnavailable(TimeSpan RetryAfter) : WebhookOutcome;

    /// <summary>For a replay: the dead letter's source is not configured (or is disabled) any more.</summary>
    public sealed record SourceMissing(string Source) : WebhookOutcome;
}
