using System.Security.Cryptography;
using System.Text;

namespace SalesCoach.Live.Storage.DeadLetters;

/// <summary>What both stores check and derive the same way.</summary>
internal static class DeadLetterRules
{
    public const int MaxSourceLength = 64;
    public const int MaxReasonLength = 2000;

    /// <summary>Checks the letter and returns it as stored: NUL characters (which PostgreSQL text cannot hold) replaced, the reason cut to length.</summary>
    public static NewDeadLetter Normalize(NewDeadLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        if (string.IsNullOrWhiteSpace(letter.Source) || letter.Source.Length > MaxSourceLength)
        {
            throw new ArgumentException($"The source must be 1 to {MaxSourceLength} characters.", nameof(letter));
        }

        ArgumentNullException.ThrowIfNull(letter.Payload, nameof(letter));
        var reason = letter.Reason ?? "";
        if (reason.Length > MaxReasonLength)
        {
            reason = reason[..(MaxReasonLength - 1)] + "…";
        }

        return letter with
        {
            Payload = letter.Payload.Replace('\0', '\uFFFD'),
            Reason = reason.Replace('\0', '\uFFFD'),
            Errors = string.IsNullOrWhiteSpace(letter.Errors) ? "{}" : letter.Errors.Replace('\0', '\uFFFD'),
        };
    }

    /// <summary>The key of "the same payload": SHA-256 of its UTF-8 bytes.</summary>
    public static byte[] Hash(string payload) => SHA256.HashData(Encoding.UTF8.GetBytes(payload));

    public static void Check(DeadLetterQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > DeadLetterQuery.MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(query), $"The limit must be 1 to {DeadLetterQuery.MaxLimit}.");
        }
    }
}
