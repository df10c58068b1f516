namespace SalesCoach.Live.Connectors.Verification;

/// <summary>An incoming webhook as the verifiers need it: the method, the full URL it was posted to (scheme, host,
/// path and query as received, still percent-encoded), the headers and the raw body bytes.</summary>
public sealed record WebhookRequest(string Method, string Url, IReadOnlyDictionary<string, string> Headers, ReadOnlyMemory<byte> Body)
{
    /// <summary>The value of a header, whatever the case of its name; null when absent.</summary>
    public string? Header(string name)
    {
        if (Headers.TryGetValue(name, out var value))
        {
            return value;
        }

        foreach (var (key, v) in Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return v;
            }
        }

        return null;
    }
}

/// <summary>The verdict on a webhook: accepted, or refused (<c>401</c>) with a reason for logs (never a secret).</summary>
public readonly record struct WebhookVerification(bool Accepted, string? Reason)
{
    public static WebhookVerification Accept { get; } = new(true, null);

    public static WebhookVerification Refuse(string reason) => new(false, reason);
}
