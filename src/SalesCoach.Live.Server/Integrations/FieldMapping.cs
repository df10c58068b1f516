using System.Text.Json;

namespace SalesCoach.Live.Server.Integrations;

/// <summary>
/// Where one activity field comes from in an event (<c>Webhooks:Sources:{source}:Fields:{field}</c>): a
/// <see cref="Path"/> (with a <see cref="Default"/> when it finds nothing) or a constant <see cref="Value"/>, and an
/// optional value <see cref="Map"/> (case-insensitive; <c>*</c> catches every other value) applied to what the path found.
/// </summary>
public sealed record FieldMapping
{
    /// <summary>The activity field (<c>id</c>, <c>repId</c>, <c>type</c>, <c>occurredAt</c>, <c>quantity</c>, <c>value</c>, <c>source</c>).</summary>
    public required string Field { get; init; }

    public FieldPath? Path { get; init; }

    /// <summary>A constant, used when there is no path.</summary>
    public string? Value { get; init; }

    /// <summary>Used when the path finds nothing (missing or null).</summary>
    public string? Default { get; init; }

    public IReadOnlyDictionary<string, string>? Map { get; init; }

    /// <summary>For <c>occurredAt</c>: how the time is written.</summary>
    public TimeFormat Format { get; init; } = TimeFormat.Iso8601;

    /// <summary>Where the value came from, for messages: the path, or "the constant".</summary>
    public string Origin => Path is { } path ? path.Text : "the constant";

    /// <summary>
    /// The field's text in <paramref name="item"/> after the map; null when absent. False with a message when the path
    /// points at an object or array, or the map has no entry for the value.
    /// </summary>
    public bool TryRead(JsonElement item, string source, out string? text, out string error)
    {
        error = "";
        text = null;
        if (Path is null)
        {
            text = Value;
            return true;
        }

        if (Path.Find(item) is not { } found)
        {
            text = Default;
            return true;
        }

        switch (found.ValueKind)
        {
            case JsonValueKind.String:
                try
                {
                    text = found.GetString();
                }
                catch (InvalidOperationException)
                {
                    error = $"the text at {Path} is not valid UTF-8";
                    return false;
                }

                break;
            case JsonValueKind.Number:
                text = found.GetRawText();
                break;
            case JsonValueKind.True:
                text = "true";
                break;
            case JsonValueKind.False:
                text = "false";
                break;
            default:
                error = $"{Path} points at a JSON {found.ValueKind.ToString().ToLowerInvariant()}, not at a value";
                return false;
        }

        if (Map is null || text is null)
        {
            return true;
        }

        if (Map.TryGetValue(text.Trim(), out var mapped) || Map.TryGetValue("*", out mapped))
        {
            text = mapped;
            return true;
        }

        error = $"no mapping for '{Shorten(text)}' (from {Path}): add Webhooks:Sources:{source}:Fields:{Field}:Map:{Shorten(text)}";
        return false;
    }

    /// <summary>A value as it may appear in a message: at most 80 characters.</summary>
    internal static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
