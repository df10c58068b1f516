using System.Globalization;
using System.Security.Cryptography;

namespace SalesCoach.Live.Server.Integrations;

/// <summary>
/// Checks a webhook's signature: the HMAC-SHA256 of the raw body with the source's shared secret, sent as
/// <c>sha256=&lt;hex&gt;</c>, plain hex, or base64. The comparison takes the same time whatever the bytes.
/// </summary>
public static class WebhookSignature
{
    /// <summary>True when <paramref name="header"/> carries the HMAC-SHA256 of <paramref name="body"/> under <paramref name="secret"/>.</summary>
    public static bool IsValid(byte[] secret, ReadOnlySpan<byte> body, string? header)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (string.IsNullOrWhiteSpace(header) || Decode(header.Trim()) is not { } presented)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(secret, body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, presented);
    }

    /// <summary>The header value for <paramref name="body"/>: <c>sha256=</c> and the lowercase hex HMAC (for senders and tests).</summary>
    public static string Sign(byte[] secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, body));

    private static byte[]? Decode(string value)
    {
        if (value.StartsWith("sha256=", StringComparison.OrdinalIgnoreCase))
        {
            value = value["sha256=".Length..];
        }

        if (value.Length == HMACSHA256.HashSizeInBytes * 2 && value.All(Uri.IsHexDigit))
        {
            return Convert.FromHexString(value);
        }

        var buffer = new byte[HMACSHA256.HashSizeInBytes + 3];
        return Convert.TryFromBase64String(value, buffer, out var written) && written == HMACSHA256.HashSizeInBytes
            ? buffer[..written]
            : null;
    }

    internal static string Describe(SourceMapping source) =>
        string.Create(CultureInfo.InvariantCulture, $"HMAC-SHA256 of the body with the shared secret of '{source.Name}', in the {source.SignatureHeader} header as sha256=<hex>");
}
