using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SalesCoach.Live.Abstractions.Ingest;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Ingest;

namespace SalesCoach.Live.Server.Integrations;

/// <summary>
/// The webhook edge of ingest: turns a source's JSON into typed activities (<see cref="IncomingActivity"/>) with the
/// source's <see cref="SourceMapping"/>. It only reshapes and reads what the mapping names (a time, a number); the
/// rules of the activities are the ingest pipeline's (<see cref="ActivityRules"/>), as for <c>POST /api/activities</c>.
/// </summary>
public sealed partial class EventMapper(Organization org)
{
    /// <summary>Maps <paramref name="root"/>: one event object, an array of events, or an envelope with the list at <see cref="SourceMapping.Events"/>.</summary>
    public MappedPayload Map(SourceMapping source, IReadOnlyDictionary<string, string> globalAliases, JsonElement root)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(globalAliases);
        var mapped = new MappedPayload();
        IEnumerable<JsonElement> events;
        switch (root.ValueKind)
        {
            case JsonValueKind.Array:
                events = root.EnumerateArray();
                mapped.Events = root.GetArrayLength();
                break;
            case JsonValueKind.Object when source.Events?.Find(root) is { ValueKind: JsonValueKind.Array } list:
                events = list.EnumerateArray();
                mapped.Events = list.GetArrayLength();
                break;
            case JsonValueKind.Object:
                // No envelope (or not this one): the body is the event. An event that does not fit then says so by field.
                events = [source.Events?.Find(root) is { ValueKind: JsonValueKind.Object } inner ? inner : root];
                mapped.Events = 1;
                mapped.Single = true;
                break;
            default:
                mapped.Fail(-1, "", "must be a JSON object (one event, or an envelope with a list of events) or an array of events");
                return mapped;
        }

        var index = 0;
        foreach (var item in events)
        {
            MapEvent(source, globalAliases, item, index++, mapped);
        }

        return mapped;
    }

    private void MapEvent(SourceMapping source, IReadOnlyDictionary<string, string> globalAliases, JsonElement item, int index, MappedPayload mapped)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            mapped.Fail(index, "", "must be a JSON object");
            return;
        }

        if (source.Filters.Any(f => f.ForType is null && !f.Passes(item)))
        {
            mapped.Filtered++;
            return;
        }

        // The metric first: an event whose every metric a filter drops (a call that was not answered) is filtered
        // whatever else is wrong with it.
        var type = Read(source, "type", item, index, mapped, required: true);
        var types = type?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (types.Length > 0 && types.All(metric => !PassesTypeFilters(source, metric, item)))
        {
            mapped.Filtered++;
            return;
        }

        var id = Read(source, "id", item, index, mapped, required: true);
        var rep = Read(source, "repId", item, index, mapped, required: true);
        var occurredText = Read(source, "occurredAt", item, index, mapped, required: true);
        var quantityText = Read(source, "quantity", item, index, mapped, required: false);
        var valueText = Read(source, "value", item, index, mapped, required: false);
        var sourceText = Read(source, "source", item, index, mapped, required: false);

        string? repId = null;
        if (rep is not null)
        {
            repId = ResolveRep(source, globalAliases, rep.Trim());
            if (repId is null)
            {
                mapped.Fail(index, "repId", $"unknown rep alias '{FieldMapping.Shorten(rep)}' (from {source.Fields["repId"].Origin}): " +
                    $"map it with Webhooks:RepAliases:{FieldMapping.Shorten(rep.Trim())} or Webhooks:Sources:{source.Name}:RepAliases:{FieldMapping.Shorten(rep.Trim())}, or give the rep that e-mail in the org file");
            }
        }

        if (type is not null && types.Length == 0)
        {
            mapped.Fail(index, "type", $"is empty (from {source.Fields["type"].Origin})");
        }

        DateTimeOffset? occurredAt = null;
        if (occurredText is not null)
        {
            var field = source.Fields["occurredAt"];
            if (TryParseTime(occurredText.Trim(), field.Format) is { } instant)
            {
                occurredAt = instant;
            }
            else
            {
                mapped.Fail(index, "occurredAt", field.Format == TimeFormat.Iso8601
                    ? $"'{FieldMapping.Shorten(occurredText)}' (from {field.Origin}) is not an ISO-8601 date and time with an offset, such as 2026-11-24T09:15:00+01:00"
                    : $"'{FieldMapping.Shorten(occurredText)}' (from {field.Origin}) is not a whole number of {(field.Format == TimeFormat.UnixSeconds ? "seconds" : "milliseconds")} since 1970-01-01T00:00:00Z");
            }
        }

        int? quantity = null;
        if (quantityText is not null)
        {
            if (decimal.TryParse(quantityText.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var q) && q == decimal.Truncate(q) && q is >= int.MinValue and <= int.MaxValue)
            {
                quantity = (int)q;
            }
            else
            {
                mapped.Fail(index, "quantity", $"'{FieldMapping.Shorten(quantityText)}' (from {source.Fields["quantity"].Origin}) is not a whole number");
            }
        }

        decimal? value = null;
        if (valueText is not null)
        {
            if (decimal.TryParse(valueText.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var v))
            {
                value = v;
            }
            else
            {
                mapped.Fail(index, "value", $"'{FieldMapping.Shorten(valueText)}' (from {source.Fields["value"].Origin}) is not a number");
            }
        }

        if (mapped.Failed.Contains(index))
        {
            return;
        }

        var activitySource = sourceText ?? source.Name;
        if (activitySource.Length > IngestLimits.MaxSourceLength)
        {
            activitySource = activitySource[..IngestLimits.MaxSourceLength];
        }

        var taken = 0;
        for (var t = 0; t < types.Length; t++)
        {
            var metric = types[t];
            if (!PassesTypeFilters(source, metric, item))
            {
                continue;
            }

            // The first metric keeps the event's id; more metrics from one event (a call that booked a meeting) get
            // the metric's key after it, so every id is stable whatever the filters drop.
            var activityId = source.IdPrefix + id!.Trim() + (t == 0 ? "" : "/" + metric);
            var activity = new IncomingActivity(activityId, repId, metric, occurredAt, quantity, value, activitySource);
            mapped.Activities.Add((index, activity));
            taken++;
        }

        if (taken == 0)
        {
            mapped.Filtered++;
        }
    }

    private static bool PassesTypeFilters(SourceMapping source, string metric, JsonElement item) =>
        !source.Filters.Any(f => f.ForType is not null && string.Equals(f.ForType, metric, StringComparison.OrdinalIgnoreCase) && !f.Passes(item));

    private static string? Read(SourceMapping source, string field, JsonElement item, int index, MappedPayload mapped, bool required)
    {
        if (!source.Fields.TryGetValue(field, out var mapping))
        {
            return null;
        }

        if (!mapping.TryRead(item, source.Name, out var text, out var error))
        {
            mapped.Fail(index, field, error);
            return null;
        }

        if (required && string.IsNullOrWhiteSpace(text))
        {
            mapped.Fail(index, field, mapping.Path is { } path ? $"is required: nothing at {path}" : "is required");
            return null;
        }

        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    private string? ResolveRep(SourceMapping source, IReadOnlyDictionary<string, string> globalAliases, string alias)
    {
        if (source.RepAliases.TryGetValue(alias, out var repId) || globalAliases.TryGetValue(alias, out repId))
        {
            return repId;
        }

        // A rep id, else a rep's e-mail in the org file (teams[].reps[].email, compared ignoring case).
        return org.FindRep(alias) is not null ? alias : org.FindRepByEmail(alias)?.Id;
    }

    private static DateTimeOffset? TryParseTime(string text, TimeFormat format)
    {
        switch (format)
        {
            case TimeFormat.UnixSeconds or TimeFormat.UnixMilliseconds:
                if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
                {
                    return null;
                }

                try
                {
                    var milliseconds = format == TimeFormat.UnixSeconds ? number * 1000 : number;
                    return DateTimeOffset.UnixEpoch.AddTicks((long)(milliseconds * TimeSpan.TicksPerMillisecond));
                }
                catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
                {
                    return null;
                }

            default:
                // ISO-8601 with an offset; +hhmm (Salesforce writes +0000) becomes +hh:mm.
                var normalized = CompactOffset().Replace(text, "$1:$2");
                return IsoWithOffset().IsMatch(normalized)
                    && DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
                    ? instant
                    : null;
        }
    }

    [GeneratedRegex(@"([+-]\d{2})(\d{2})$")]
    private static partial Regex CompactOffset();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoWithOffset();
}
