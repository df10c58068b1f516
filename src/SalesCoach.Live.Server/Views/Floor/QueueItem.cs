using System.Text.Json;
using SalesCoach.Live.Abstractions.Coaching;

namespace SalesCoach.Live.Server.Views.Floor;

/// <summary>A rep in the coaching queue (contract section 7 with its extensions): who, how urgent, why, since when, what to focus on.</summary>
public sealed record QueueItem(
    string RepId, string Name, int Priority, string FocusMetric, IReadOnlyList<QueueReason> Reasons, string? SuggestedFocus, DateTimeOffset? Since)
{
    /// <summary>True when the only reason is praise (<c>readyForRecognition</c>).</summary>
    public bool IsPraise => Reasons.Count > 0 && Reasons.All(r => r.Code == "readyForRecognition");

    /// <summary>The queue from the team grain's records, most urgent first.</summary>
    public static IReadOnlyList<QueueItem> FromQueue(IReadOnlyList<CoachingQueueItem> queue) => [.. queue.Select(From)];

    public static QueueItem From(CoachingQueueItem item) => new(
        item.RepId,
        item.Name,
        item.Priority,
        item.FocusMetric,
        [.. item.Reasons.Select(r => new QueueReason(JsonNamingPolicy.CamelCase.ConvertName(r.Code.ToString()), r.Text, r.Metric))],
        item.SuggestedFocus,
        item.Since);
}
