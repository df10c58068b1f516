using System.Globalization;
using System.Text.Json;

namespace SalesCoach.Live.Server.Views.Floor;

/// <summary>A rep in the coaching queue (contract section 7 with its extensions): who, how urgent, why, since when, what to focus on.</summary>
public sealed record QueueItem(
    string RepId, string Name, int Priority, string FocusMetric, IReadOnlyList<QueueReason> Reasons, string? SuggestedFocus, DateTimeOffset? Since)
{
    /// <summary>True when the only reason is praise (<c>readyForRecognition</c>).</summary>
    public bool IsPraise => Reasons.Count > 0 && Reasons.All(r => r.Code == "readyForRecognition");

    /// <summary>Reads the queue JSON (an array).</summary>
    public static IReadOnlyList<QueueItem> ReadQueue(JsonElement queue) =>
        queue.ValueKind == JsonValueKind.Array ? queue.EnumerateArray().Select(Read).ToList() : [];

    /// <summary>Reads the queue JSON from its UTF-8 bytes.</summary>
    public static IReadOnlyList<QueueItem> ReadQueue(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        return ReadQueue(document.RootElement);
    }

    private static QueueItem Read(JsonElement e) => new(
        e.GetProperty("repId").GetString()!,
        e.GetProperty("name").GetString() ?? "",
        e.TryGetProperty("priority", out var p) && p.ValueKind == JsonValueKind.Number ? (int)Math.Round(p.GetDouble()) : 0,
        e.TryGetProperty("focusMetric", out var f) ? f.GetString() ?? "" : "",
        e.TryGetProperty("reasons", out var r) && r.ValueKind == JsonValueKind.Array
            ? r.EnumerateArray().Select(x => new QueueReason(
                x.GetProperty("code").GetString() ?? "",
                x.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "",
                x.TryGetProperty("metric", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null)).ToList()
            : [],
        e.TryGetProperty("suggestedFocus", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null,
        e.TryGetProperty("since", out var since) && since.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(since.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null);
}
