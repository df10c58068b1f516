using System.Globalization;
using System.Text.RegularExpressions;
using SalesCoach.Live.Abstractions.Ingest;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Storage.Activities;

namespace SalesCoach.Live.Server.Ingest;

/// <summary>
/// The rules of contract section 4 on typed activities, the same for every edge (HTTP, webhooks, CSV import, demo):
/// required fields, lengths, no control characters, a known rep and metric, no reserved id prefix, ranges, and no
/// <c>occurredAt</c> more than 5 minutes ahead. Also the text rules the edges that read text share (the JSON body, CSV
/// cells): <see cref="CheckText"/> and <see cref="TryParseOccurredAt"/>. The messages are the contract's; do not reword.
/// </summary>
public sealed partial class ActivityRules(Organization org, TimeProvider clock)
{
    public const string Required = "is required";
    public const string QuantityMessage = "must be a whole number from 1 to 10000";
    public const string ValueMessage = "must be a number of 0 or more";
    public const string SourceMessage = "must be a string of at most 64 characters without control characters";
    public const string NotAnObject = "must be an activity object";
    public const string EmptyBatch = "the batch is empty: send one activity object or an array of 1 to 5000";

    /// <summary>The longest <c>repId</c>, <c>type</c> and <c>occurredAt</c> text (ids: <see cref="IngestLimits.MaxIdLength"/>).</summary>
    public const int MaxRepIdLength = 128;

    /// <inheritdoc cref="MaxRepIdLength"/>
    public const int MaxTypeLength = 64;

    /// <inheritdoc cref="MaxRepIdLength"/>
    public const int MaxOccurredAtLength = 64;

    /// <summary>
    /// Checks every item of <paramref name="batch"/> (whatever the others hold) and returns the activities that keep
    /// every rule, in order, with all problems (the edge's and the rules'), or null problems when there are none.
    /// </summary>
    public (List<ActivityToAppend> Valid, IngestErrors? Errors) Check(IncomingBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var read = batch.ReadErrors;
        IngestErrors? errors = null;
        if (read is not null)
        {
            errors = new IngestErrors(batch.Single);
            errors.AddRange(read);
        }

        var items = batch.Activities;
        if (items.Count == 0 && errors is null)
        {
            errors = new IngestErrors(batch.Single);
            errors.AddBody(EmptyBatch);
        }

        var now = clock.GetUtcNow();
        var valid = new List<ActivityToAppend>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (CheckOne(items[i], i, now, read, ref errors, batch.Single) is { } activity)
            {
                valid.Add(activity);
            }
        }

        return (valid, errors);
    }

    private ActivityToAppend? CheckOne(IncomingActivity item, int index, DateTimeOffset now, IngestErrors? read, ref IngestErrors? errors, bool single)
    {
        if (read is not null && read.Has(index, ActivityField.Item))
        {
            return null;
        }

        var ok = read is null || !read.HasAny(index);
        if (!Skip(read, index, ActivityField.Id))
        {
            var problem = CheckRequiredText(item.Id, IngestLimits.MaxIdLength);
            if (problem is null && item.Id!.StartsWith(IngestPipeline.VoidPrefix, StringComparison.Ordinal))
            {
                problem = $"the prefix '{IngestPipeline.VoidPrefix}' is reserved for corrections (DELETE /api/activities/{{id}})";
            }

            ok &= Report(problem, index, ActivityField.Id, ref errors, single);
        }

        if (!Skip(read, index, ActivityField.RepId))
        {
            var problem = CheckRequiredText(item.RepId, MaxRepIdLength);
            if (problem is null && org.FindRep(item.RepId!) is null)
            {
                problem = $"unknown rep '{item.RepId}'";
            }

            ok &= Report(problem, index, ActivityField.RepId, ref errors, single);
        }

        if (!Skip(read, index, ActivityField.Type))
        {
            var problem = CheckRequiredText(item.Type, MaxTypeLength);
            if (problem is null && org.FindMetric(item.Type!) is null)
            {
                problem = $"unknown metric '{item.Type}'";
            }

            ok &= Report(problem, index, ActivityField.Type, ref errors, single);
        }

        if (!Skip(read, index, ActivityField.OccurredAt))
        {
            var problem = item.OccurredAt is not { } at ? Required
                : at > now + IngestLimits.MaxFutureSkew ? "is more than 5 minutes in the future"
                : null;
            ok &= Report(problem, index, ActivityField.OccurredAt, ref errors, single);
        }

        if (!Skip(read, index, ActivityField.Quantity))
        {
            ok &= Report(item.Quantity is < 1 or > IngestLimits.MaxQuantity ? QuantityMessage : null, index, ActivityField.Quantity, ref errors, single);
        }

        if (!Skip(read, index, ActivityField.Value))
        {
            ok &= Report(item.Value < 0 ? ValueMessage : null, index, ActivityField.Value, ref errors, single);
        }

        if (!Skip(read, index, ActivityField.Source))
        {
            var bad = item.Source is { } source && (source.Length > IngestLimits.MaxSourceLength || HasControl(source));
            ok &= Report(bad ? SourceMessage : null, index, ActivityField.Source, ref errors, single);
        }

        return ok
            ? new ActivityToAppend(item.Id!, item.RepId!, item.Type!, item.OccurredAt!.Value, item.Quantity ?? 1, item.Value, item.Source)
            : null;
    }

    /// <summary>
    /// The problem of a required text field (<c>id</c>, <c>repId</c>, <c>type</c>, and <c>occurredAt</c> as text):
    /// missing, empty or only spaces or too long, or with control characters; null when it is fine.
    /// </summary>
    public static string? CheckRequiredText(string? text, int maxLength) => text is null ? Required : CheckText(text, maxLength);

    /// <summary>The problem of a present text field (see <see cref="CheckRequiredText"/>).</summary>
    public static string? CheckText(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || text.Length > maxLength || string.IsNullOrWhiteSpace(text))
        {
            return $"must be 1 to {maxLength} characters, not only spaces";
        }

        return HasControl(text) ? "must not contain control characters" : null;
    }

    /// <summary>
    /// Reads the text of <c>occurredAt</c> (a JSON string, a CSV cell): ISO-8601 with an offset, such as
    /// 2026-11-26T10:30:00+01:00. False with the contract's message when it is not.
    /// </summary>
    public static bool TryParseOccurredAt(string text, out DateTimeOffset occurredAt, out string problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        occurredAt = default;
        problem = CheckText(text, MaxOccurredAtLength) ?? "";
        if (problem.Length > 0)
        {
            return false;
        }

        if (!Iso8601WithOffset().IsMatch(text) || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out occurredAt))
        {
            problem = $"'{text}' is not an ISO-8601 date and time with an offset, such as 2026-11-26T10:30:00+01:00";
            return false;
        }

        return true;
    }

    /// <summary>True when the text holds a control character (<see cref="char.IsControl(char)"/>), without allocating.</summary>
    public static bool HasControl(ReadOnlySpan<char> text) =>
        text.ContainsAnyInRange('\u0000', '\u001F') || text.ContainsAnyInRange('\u007F', '\u009F');

    private static bool Skip(IngestErrors? read, int index, ActivityField field) => read is not null && read.Has(index, field);

    private static bool Report(string? problem, int index, ActivityField field, ref IngestErrors? errors, bool single)
    {
        if (problem is null)
        {
            return true;
        }

        errors ??= new IngestErrors(single);
        errors.Add(index, field, problem);
        return false;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Iso8601WithOffset();
}
