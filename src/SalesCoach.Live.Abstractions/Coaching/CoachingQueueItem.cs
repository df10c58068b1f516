using System.Text.Json.Serialization;
using SalesCoach.Live.Domain.Coaching;

namespace SalesCoach.Live.Abstractions.Coaching;

/// <summary>One reason a rep needs coaching: code, plain words, the metric it is about and a severity 0..1 (two decimals).</summary>
[GenerateSerializer, Immutable]
public sealed record CoachingQueueReason(
    [property: Id(0)] CoachingReasonCode Code,
    [property: Id(1)] string Text,
    [property: Id(2)] string Metric,
    [property: Id(3)] double Severity)
{
    public static CoachingQueueReason From(CoachingReason reason) =>
        new(CoachingReasonCodes.Parse(reason.Code), reason.Text, reason.Metric, Math.Round(reason.Severity, 2));
}

/// <summary>
/// A rep in the coaching queue (contract section 7): how urgent (0..100), what to focus on, why, and, in the live
/// queue, <see cref="Since"/> when the item appeared (left out of the JSON otherwise). Equal when every field and
/// every reason is equal: the team grain pushes the queue only when it changed.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CoachingQueueItem(
    [property: Id(0)] string RepId,
    [property: Id(1)] string Name,
    [property: Id(2)] int Priority,
    [property: Id(3)] string FocusMetric,
    [property: Id(4)] IReadOnlyList<CoachingQueueReason> Reasons,
    [property: Id(5)] string SuggestedFocus,
    [property: Id(6), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? Since = null)
{
    /// <summary>True when the only reason is praise.</summary>
    [JsonIgnore]
    public bool IsRecognition => Reasons.All(r => r.Code == CoachingReasonCode.ReadyForRecognition);

    public bool Equals(CoachingQueueItem? other) =>
        other is not null && RepId == other.RepId && Name == other.Name && Priority == other.Priority
        && FocusMetric == other.FocusMetric && SuggestedFocus == other.SuggestedFocus && Since == other.Since
        && Reasons.SequenceEqual(other.Reasons);

    public override int GetHashCode() => HashCode.Combine(RepId, Priority, Reasons.Count);

    public static CoachingQueueItem From(CoachingItem item, DateTimeOffset? since = null) =>
        new(item.RepId, item.Name, item.Priority, item.FocusMetric, [.. item.Reasons.Select(CoachingQueueReason.From)], item.SuggestedFocus, since);

    /// <summary>A whole queue, most urgent first as given, with each rep's <c>since</c> when known.</summary>
    public static IReadOnlyList<CoachingQueueItem> Queue(IEnumerable<CoachingItem> items, Func<string, DateTimeOffset?>? since = null) =>
        [.. items.Select(i => From(i, since?.Invoke(i.RepId)))];
}
