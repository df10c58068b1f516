using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SalesCoach.Live.Connectors.Verification;

/// <summary>HubSpot's v3 request signature ("Validating requests from HubSpot", developers.hubspot.com):
/// <c>X-HubSpot-Signature-v3</c> = base64(HMAC-SHA256(client secret, method + URI + body + timestamp)), with
/// <c>X-HubSpot-Request-Timestamp</c> in Unix milliseconds; a timestamp older than 5 minutes is refused. In the URI,
/// the percent-encodings HubSpot lists (<c>%3A : %2F / %3F ? %40 @ %21 ! %24 $ %27 ' %28 ( %29 ) %2A * %2C , %3B ;</c>)
/// are decoded first.</summary>
public static class HubSpotSignature
{
    public const string SignatureHeader = "X-HubSpot-Signature-v3";
    public const string TimestampHeader = "X-HubSpot-Request-Timestamp";

    /// <summary>How old a timestamp may be (the same margin is allowed ahead, for clock skew).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private static readonly (string Encoded, string Decoded)[] Decodings =
    [
        ("%3A", ":"), ("%2F", "/"), ("%3F", "?"), ("%40", "@"), ("%21", "!"), ("%24", "$"),
        ("%27", "'"), ("%28", "("), ("%29", ")"), ("%2A", "*"), ("%2C", ","), ("%3B", ";"),
    ];

    public static WebhookVerification Verify(WebhookRequest request, string? clientSecret, string? publicUrl, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(clientSecret))
        {
            return WebhookVerification.Refuse("no ClientSecret is configured");
        }

        var signature = request.Header(SignatureHeader);
        var timestamp = request.Header(TimestampHeader);
        if (string.IsNullOrWhiteSpace(signature) || string.IsNullOrWhiteSpace(timestamp))
        {
            return WebhookVerification.Refuse($"{SignatureHeader} or {TimestampHeader} is missing");
        }

        timestamp = timestamp.Trim();
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
        {
            return WebhookVerification.Refuse($"{TimestampHeader} is not Unix milliseconds");
        }

        var age = now - DateTimeOffset.FromUnixTimeMilliseconds(Math.Clamp(ms, 0, DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()));
        if (age > MaxAge || age < -MaxAge)
        {
            return WebhookVerification.Refuse($"{TimestampHeader} is more than 5 minutes away from now");
        }

        byte[] presented;
        try
        {
            presented = Convert.FromBase64String(signature.Trim());
        }
        catch (FormatException)
        {
            return WebhookVerification.Refuse($"{SignatureHeader} is not base64");
        }

        var uri = SignedUri(request.Url, publicUrl);
        if (uri is null)
        {
            return WebhookVerification.Refuse("the request URL is not absolute");
        }

        var expected = Hash(clientSecret, request.Method, uri, request.Body.Span, timestamp);
        return CryptographicOperations.FixedTimeEquals(presented, expected)
            ? WebhookVerification.Accept
            : WebhookVerification.Refuse($"{SignatureHeader} does not match");
    }

    /// <summary>The URI that goes into the signature: <paramref name="publicUrl"/> (without a trailing slash) plus the
    /// request's path and query when set, else the request URL; then HubSpot's listed decodings.</summary>
    public static string? SignedUri(string requestUrl, string? publicUrl)
    {
        if (!Uri.TryCreate(requestUrl, UriKind.Absolute, out var url))
        {
            return null;
        }

        var raw = string.IsNullOrWhiteSpace(publicUrl)
            ? requestUrl.Trim()
            : publicUrl.Trim().TrimEnd('/') + url.PathAndQuery;
        return Decode(raw);
    }

    /// <summary>Decodes the percent-encodings HubSpot lists (and no others).</summary>
    public static string Decode(string uri)
    {
        var sb = new StringBuilder(uri.Length);
        for (var i = 0; i < uri.Length; i++)
        {
            if (uri[i] == '%' && i + 2 < uri.Length)
            {
                var code = uri.Substring(i, 3);
                var decoded = Array.Find(Decodings, d => string.Equals(code, d.Encoded, StringComparison.OrdinalIgnoreCase)).Decoded;
                if (decoded is not null)
                {
                    sb.Append(decoded);
                    i += 2;
                    continue;
                }
            }

            sb.Append(uri[i]);
        }

        return sb.ToString();
    }

    /// <summary>base64(HMAC-SHA256(secret, UTF-8(method + uri) + body + UTF-8(timestamp))).</summary>
    public static string Compute(string clientSecret, string method, string signedUri, ReadOnlySpan<byte> body, string timestamp) =>
        Convert.ToBase64String(Hash(clientSecret, method, signedUri, body, timestamp));

    private static byte[] Hash(string clientSecret, string method, string signedUri, ReadOnlySpan<byte> body, string timestamp)
    {
        var head = Encoding.UTF8.GetBytes(method.ToUpperInvariant() + signedUri);
        var tail = Encoding.UTF8.GetBytes(timestamp);
        var source = new byte[head.Length + body.Length + tail.Length];
        head.CopyTo(source, 0);
        body.CopyTo(source.AsSpan(head.Length));
        tail.CopyTo(source, head.Length + body.Length);
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(clientSecret), source);
    }
}
