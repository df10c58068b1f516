using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Storage.Activities;

namespace SalesCoach.Live.Server.Ingest;

/// <summary>
/// Reads and validates a batch (one activity object or an array) against contract section 4. Every problem of every
/// item is collected, keyed <c>[index].field</c> for arrays and <c>field</c> for a single object.
/// </summary>
public sealed partial class ActivityBatchReader(Organization org, TimeProvider clock)
{
    /// <summary>The activities, or the errors when any item is invalid (then the list is empty).</summary>
    public (List<ActivityToAppend> Activities, Dictionary<string, string[]> Errors) Read(JsonElement root)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var activities = new List<ActivityToAppend>();
        var now = clock.GetUtcNow();
        switch (root.ValueKind)
        {
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in root.EnumerateArray())
                {
                    if (ReadOne(item, $"[{index}].", now, errors) is { } activity)
                    {
                        activities.Add(activity);
                    }

                    index++;
                }

                if (index == 0)
                {
                    Add(errors, "body", "the batch is empty: send one activity object or an array of 1 to 5000");
                }

                break;
            case JsonValueKind.Object:
                if (ReadOne(root, "", now, errors) is { } single)
                {
                    activities.Add(single);
                }

                break;
            default:
                Add(errors, "body", "must be an activity object or an array of activity objects");
                break;
        }

        var result = errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
        return (result.Count == 0 ? activities : [], result);
    }

    private ActivityToAppend? ReadOne(JsonElement item, string prefix, DateTimeOffset now, Dictionary<string, List<string>> errors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            Add(errors, prefix.Length == 0 ? "body" : prefix.TrimEnd('.'), "must be an activity object");
            return null;
        }

        var before = errors.Count;
        var id = RequiredString(item, "id", prefix, IngestLimits.MaxIdLength, errors);
        if (id is not null && id.StartsWith(IngestPipeline.VoidPrefix, StringComparison.Ordinal))
        {
            Add(errors, prefix + "id", $"the prefix '{IngestPipeline.VoidPrefix}' is reserved for corrections (DELETE /api/activities/{{id}})");
        }

        var repId = RequiredString(item, "repId", prefix, 128, errors);
        if (repId is not null && org.FindRep(repId) is null)
        {
            Add(errors, prefix + "repId", $"unknown rep '{repId}'");
        }

        var type = RequiredString(item, "type", prefix, 64, errors);
        if (type is not null && org.FindMetric(type) is null)
        {
            Add(errors, prefix + "type", $"unknown metric '{type}'");
        }

        DateTimeOffset occurredAt = default;
        if (RequiredString(item, "occurredAt", prefix, 64, errors) is { } text)
        {
            if (!Iso8601WithOffset().IsMatch(text)
                || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out occurredAt))
            {
                Add(errors, prefix + "occurredAt", $"'{text}' is not an ISO-8601 date and time with an offset, such as 2026-11-26T10:30:00+01:00");
            }
            else if (occurredAt > now + IngestLimits.MaxFutureSkew)
            {
                Add(errors, prefix + "occurredAt", "is more than 5 minutes in the future");
            }
        }

        var quantity = 1;
        if (item.TryGetProperty("quantity", out var q) && q.ValueKind != JsonValueKind.Null)
        {
            if (q.ValueKind != JsonValueKind.Number || !q.TryGetInt32(out quantity) || quantity < 1 || quantity > IngestLimits.MaxQuantity)
            {
                Add(errors, prefix + "quantity", "must be a whole number from 1 to 10000");
            }
        }

        decimal? value = null;
        if (item.TryGetProperty("value", out var v) && v.ValueKind != JsonValueKind.Null)
        {
            if (v.ValueKind != JsonValueKind.Number || !v.TryGetDecimal(out var amount) || amount < 0)
            {
                Add(errors, prefix + "value", "must be a number of 0 or more");
            }
            else
            {
                value = amount;
            }
        }

        string? source = null;
        if (item.TryGetProperty("source", out var s) && s.ValueKind != JsonValueKind.Null)
        {
            if (s.ValueKind != JsonValueKind.String || !TryGetText(s, out var sourceText) || sourceText.Length > IngestLimits.MaxSourceLength || sourceText.Any(char.IsControl))
            {
                Add(errors, prefix + "source", "must be a string of at most 64 characters without control characters");
            }
            else
            {
                source = sourceText;
            }
        }

        return errors.Count == before ? new ActivityToAppend(id!, repId!, type!, occurredAt, quantity, value, source) : null;
    }

    private static string? RequiredString(JsonElement item, string name, string prefix, int maxLength, Dictionary<string, List<string>> errors)
    {
        if (!item.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            Add(errors, prefix + name, "is required");
            return null;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            Add(errors, prefix + name, "must be a string");
            return null;
        }

        if (!TryGetText(element, out var text))
        {
            Add(errors, prefix + name, "must be valid UTF-8 text");
            return null;
        }

        if (text.Length == 0 || text.Length > maxLength || string.IsNullOrWhiteSpace(text))
        {
            Add(errors, prefix + name, $"must be 1 to {maxLength} characters, not only spaces");
            return null;
        }

        if (text.Any(char.IsControl))
        {
            Add(errors, prefix + name, "must not contain control characters");
            return null;
        }

        return text;
    }

    /// <summary>The string value; false when the JSON holds bytes that are not valid UTF-8 (the parser lets them pass).</summary>
    private static bool TryGetText(JsonElement element, out string text)
    {
        try
        {
            text = element.GetString() ?? "";
            return true;
        }
        catch (InvalidOperationException)
        {
            text = "";
            return false;
        }
    }

    private static void Add(Dictionary<string, List<string>> errors, string key, string message)
    {
        if (!errors.TryGetValue(key, out var list))
        {
            errors[key] = list = [];
        }

        list.Add(message);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Iso8601WithOffset();
}
