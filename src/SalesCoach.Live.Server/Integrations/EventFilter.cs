using System.Text.Json;

namespace SalesCoach.Live.Server.Integrations;

/// <summary>
/// A condition an event must meet to be taken (<c>Webhooks:Sources:{source}:Filters:{name}</c>); an event that fails a
/// filter is skipped and counted as filtered, not dead-lettered. Comparisons are on the value's text, ignoring case.
/// With <see cref="ForType"/> the filter applies only to the activities of that metric (such as "only calls whose
/// outcome is connected"); otherwise to the whole event, before anything is mapped.
/// </summary>
public sealed record EventFilter
{
    public required string Name { get; init; }

    public required FieldPath Path { get; init; }

    public string? EqualTo { get; init; }

    public string? NotEqualTo { get; init; }

    public IReadOnlySet<string>? In { get; init; }

    public IReadOnlySet<string>? NotIn { get; init; }

    /// <summary>True: the path must find a value; false: it must not. Null: not checked (unless nothing else is).</summary>
    public bool? Exists { get; init; }

    /// <summary>The metric key the filter is about, or null for every event.</summary>
    public string? ForType { get; init; }

    /// <summary>True when <paramref name="item"/> meets the condition.</summary>
    public bool Passes(JsonElement item)
    {
        var found = Path.Find(item);
        if (Exists is { } exists && exists != found.HasValue)
        {
            return false;
        }

        if (EqualTo is null && NotEqualTo is null && In is null && NotIn is null)
        {
            return Exists.HasValue || found.HasValue;
        }

        var text = found is { } value ? TextOf(value) : null;
        if (EqualTo is not null && !string.Equals(text, EqualTo, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (NotEqualTo is not null && string.Equals(text, NotEqualTo, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (In is not null && (text is null || !In.Contains(text)))
        {
            return false;
        }

        return NotIn is null || text is null || !NotIn.Contains(text);
    }

    private static string? TextOf(JsonElement value)
    {
        try
        {
            return value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            };
        }
        catch (InvalidOperationException)
        {
            // Text that is not valid UTF-8 matches nothing.
            return null;
        }
    }
}
