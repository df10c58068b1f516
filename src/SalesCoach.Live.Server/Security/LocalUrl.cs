namespace SalesCoach.Live.Server.Security;

/// <summary>
/// The one check of a return URL before the server redirects to it (sign-in form, single sign-on, the sign-in page):
/// a path on this site, and nothing a browser could read as another site. Browsers drop tabs and new lines from URLs
/// and read <c>\</c> as <c>/</c>, so <c>/\t/evil.example</c> and <c>/\evil.example</c> would leave the site. The
/// check holds for the URL as given and for every decoding of it (so <c>/%09/evil.example</c> and
/// <c>/%252F%252Fevil.example</c> are refused too).
/// </summary>
public static class LocalUrl
{
    private const int MaxLength = 2048;
    private const int MaxDecodings = 3;

    /// <summary>True when <paramref name="url"/> is a local path that is safe to redirect to.</summary>
    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > MaxLength)
        {
            return false;
        }

        var current = url;
        for (var i = 0; i <= MaxDecodings; i++)
        {
            if (!LooksLocal(current, raw: i == 0))
            {
                return false;
            }

            string decoded;
            try
            {
                decoded = Uri.UnescapeDataString(current);
            }
            catch (UriFormatException)
            {
                return false;
            }

            if (decoded == current)
            {
                return true;
            }

            current = decoded;
        }

        // Encoded more deeply than any link of ours: not worth the risk.
        return false;
    }

    /// <summary><paramref name="url"/> when it is local, else the home page.</summary>
    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";

    // One slash, then no second slash or backslash; no backslash or control character anywhere, and in the URL as
    // given no whitespace either (an encoded space in a query, decoded, is harmless).
    private static bool LooksLocal(string url, bool raw) =>
        url.Length > 0
        && url[0] == '/'
        && !(url.Length > 1 && (url[1] == '/' || url[1] == '\\'))
        && !url.Any(c => c == '\\' || char.IsControl(c) || (raw && char.IsWhiteSpace(c)))
        && (!raw || Uri.TryCreate(url, UriKind.Relative, out _));
}
