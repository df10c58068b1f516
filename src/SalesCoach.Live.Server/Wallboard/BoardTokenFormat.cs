using System.Security.Cryptography;
using System.Text;

namespace SalesCoach.Live.Server.Wallboard;

/// <summary>
/// Board tokens: <c>wbt_</c> and 43 characters of base64url (256 random bits). The prefix tells them apart from API
/// keys at a glance (and in a leaked log line); only their SHA-256 is stored.
/// </summary>
public static class BoardTokenFormat
{
    /// <summary>What every board token starts with.</summary>
    public const string Prefix = "wbt_";

    private const int TokenLength = 47;

    /// <summary>A new random token.</summary>
    public static string NewToken() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>A new random token id (12 characters of base64url).</summary>
    public static string NewTokenId() => Base64Url(RandomNumberGenerator.GetBytes(9));

    /// <summary>True when <paramref name="presented"/> has the shape of a board token (it may still be unknown).</summary>
    public static bool LooksLikeToken(string presented) =>
        presented.Length == TokenLength && presented.StartsWith(Prefix, StringComparison.Ordinal)
        && presented.AsSpan(Prefix.Length).IndexOfAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") < 0;

    /// <summary>The SHA-256 of a token, as stored.</summary>
    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
