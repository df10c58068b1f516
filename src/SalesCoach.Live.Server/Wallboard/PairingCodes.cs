using System.Security.Cryptography;

namespace SalesCoach.Live.Server.Wallboard;

/// <summary>
/// Pairing codes: six characters a person reads off a TV across the room and types in, so none that look alike
/// (no 0 or O, no 1, I or L, and no U beside V): 30 letters and digits, about 729 million codes.
/// </summary>
public static class PairingCodes
{
    /// <summary>The characters of a code.</summary>
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>Characters in a code.</summary>
    public const int Length = 6;

    /// <summary>How long a TV's code stays valid.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>A new random code.</summary>
    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>
    /// The code a person typed, in its canonical form (upper case, without spaces or dashes), or null when it cannot
    /// be a code at all.
    /// </summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null)
        {
            return null;
        }

        var code = new string(typed.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray()).ToUpperInvariant();
        return code.Length == Length && code.All(Alphabet.Contains) ? code : null;
    }
}
