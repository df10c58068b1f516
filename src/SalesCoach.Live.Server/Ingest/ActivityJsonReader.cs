using System.Text.Json;
using SalesCoach.Live.Abstractions.Ingest;

namespace SalesCoach.Live.Server.Ingest;

/// <summary>
/// The JSON edge of ingest (<c>POST /api/activities</c>): turns the body (one activity object or an array) into
/// <see cref="IncomingActivity"/> records once. It only reads: what has the wrong JSON type (<c>"id": 42</c>, a
/// quantity of 1.5), is not valid UTF-8 or is not an ISO-8601 time is reported here, keyed by item and field; every
/// other rule is <see cref="ActivityRules"/>', on the typed records, as for every other edge.
/// </summary>
public static class ActivityJsonReader
{
    /// <summary>The batch of <paramref name="root"/>; an array of more than <see cref="IngestLimits.MaxBatch"/> items is not read on.</summary>
    public static IncomingBatch Read(JsonElement root)
    {
        IngestErrors? errors = null;
        switch (root.ValueKind)
        {
            case JsonValueKind.Array:
                var count = root.GetArrayLength();
                if (count > IngestLimits.MaxBatch)
                {
                    return IncomingBatch.TooLarge(count);
                }

                var activities = new IncomingActivity[count];
                var index = 0;
                foreach (var item in root.EnumerateArray())
                {
                    activities[index] = ReadOne(item, index, single: false, ref errors);
                    index++;
                }

                return new IncomingBatch(activities, single: false, errors);
            case JsonValueKind.Object:
                var single = ReadOne(root, 0, single: true, ref errors);
                return new IncomingBatch([single], single: true, errors);
            default:
                errors = new IngestErrors(single: false);
                errors.AddBody("must be an activity object or an array of activity objects");
                return new IncomingBatch([], single: false, errors, items: 1);
        }
    }

    private static IncomingActivity ReadOne(JsonElement item, int index, bool single, ref IngestErrors? errors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            Fail(ref errors, single, index, ActivityField.Item, ActivityRules.NotAnObject);
            return IncomingActivity.Unreadable;
        }

        var id = ReadString(item, "id"u8, index, ActivityField.Id, single, ref errors);
        var repId = ReadString(item, "repId"u8, index, ActivityField.RepId, single, ref errors);
        var type = ReadString(item, "type"u8, index, ActivityField.Type, single, ref errors);

        DateTimeOffset? occurredAt = null;
        if (ReadString(item, "occurredAt"u8, index, ActivityField.OccurredAt, single, ref errors) is { } text)
        {
            if (ActivityRules.TryParseOccurredAt(text, out var at, out var problem))
            {
                occurredAt = at;
            }
            else
            {
                Fail(ref errors, single, index, ActivityField.OccurredAt, problem);
            }
        }

        int? quantity = null;
        if (item.TryGetProperty("quantity"u8, out var q) && q.ValueKind != JsonValueKind.Null)
        {
            if (q.ValueKind == JsonValueKind.Number && q.TryGetInt32(out var number))
            {
                quantity = number;
            }
            else
            {
                Fail(ref errors, single, index, ActivityField.Quantity, ActivityRules.QuantityMessage);
            }
        }

        decimal? value = null;
        if (item.TryGetProperty("value"u8, out var v) && v.ValueKind != JsonValueKind.Null)
        {
            if (v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var amount))
            {
                value = amount;
            }
            else
            {
                Fail(ref errors, single, index, ActivityField.Value, ActivityRules.ValueMessage);
            }
        }

        string? source = null;
        if (item.TryGetProperty("source"u8, out var s) && s.ValueKind != JsonValueKind.Null)
        {
            if (s.ValueKind == JsonValueKind.String && TryGetText(s, out var sourceText))
            {
                source = sourceText;
            }
            else
            {
                Fail(ref errors, single, index, ActivityField.Source, ActivityRules.SourceMessage);
            }
        }

        return new IncomingActivity(id, repId, type, occurredAt, quantity, value, source);
    }

    /// <summary>The string at <paramref name="name"/>; null when absent or null (the rules say "is required") or not readable (reported).</summary>
    private static string? ReadString(JsonElement item, ReadOnlySpan<byte> name, int index, ActivityField field, bool single, ref IngestErrors? errors)
    {
        if (!item.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            Fail(ref errors, single, index, field, "must be a string");
            return null;
        }

        if (!TryGetText(element, out var text))
        {
            Fail(ref errors, single, index, field, "must be valid UTF-8 text");
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

    private static void Fail(ref IngestErrors? errors, bool single, int index, ActivityField field, string message)
    {
        errors ??= new IngestErrors(single);
        errors.Add(index, field, message);
    }
}
