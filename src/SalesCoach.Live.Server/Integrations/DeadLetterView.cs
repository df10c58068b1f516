using System.Text.Json;
using SalesCoach.Live.Storage.DeadLetters;

namespace SalesCoach.Live.Server.Integrations;

/// <summary>A dead letter as the admin API shows it; <see cref="Errors"/> is the JSON object of problems.</summary>
public sealed record DeadLetterView(
    long Id,
    string Source,
    string Status,
    DateTimeOffset ReceivedAt,
    DateTimeOffset LastReceivedAt,
    int Attempts,
    DateTimeOffset? ReplayedAt,
    string Reason,
    JsonElement Errors,
    string Payload)
{
    public static DeadLetterView From(DeadLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        JsonElement errors;
        try
        {
            using var document = JsonDocument.Parse(letter.Errors);
            errors = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            errors = JsonSerializer.SerializeToElement(new Dictionary<string, string[]> { ["body"] = [letter.Errors] });
        }

        return new DeadLetterView(
            letter.Id, letter.Source, letter.IsOpen ? "open" : "replayed", letter.ReceivedAt, letter.LastReceivedAt,
            letter.Attempts, letter.ReplayedAt, letter.Reason, errors, letter.Payload);
    }
}
