using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SalesCoach.Live.Server.Integrations;

/// <summary>
/// A small path into one JSON event: <c>$</c> is the event itself, <c>.name</c> or <c>['name']</c> a property,
/// <c>[n]</c> an array item, so <c>$.engagement.ownerId</c>, <c>data[0].id</c> (the leading <c>$.</c> may be left out)
/// and <c>$['Rep_Email__c']</c>. Alternatives separated by <c>|</c> are tried in order: the first that finds a value
/// (not missing, not null) wins, as in <c>$.sObject.CompletedDateTime | $.sObject.CreatedDate</c>. Property names are
/// matched exactly, then ignoring case.
/// </summary>
public sealed class FieldPath
{
    private readonly IReadOnlyList<IReadOnlyList<Segment>> _alternatives;

    private FieldPath(string text, IReadOnlyList<IReadOnlyList<Segment>> alternatives)
    {
        Text = text;
        _alternatives = alternatives;
    }

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <summary>Parses a path; false with a message when it is not one.</summary>
    public static bool TryParse(string? text, out FieldPath? path, out string error)
    {
        path = null;
        error = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "is empty";
            return false;
        }

        var alternatives = new List<IReadOnlyList<Segment>>();
        foreach (var part in text.Split('|'))
        {
            if (part.Trim().Length == 0)
            {
                error = "has an empty alternative around '|'";
                return false;
            }

            if (!TryParseOne(part.Trim(), out var segments, out error))
            {
                error = $"'{part.Trim()}' {error}";
                return false;
            }

            alternatives.Add(segments);
        }

        path = new FieldPath(text.Trim(), alternatives);
        return true;
    }

    /// <summary>Parses a path, or throws <see cref="FormatException"/>.</summary>
    public static FieldPath Parse(string text) =>
        TryParse(text, out var path, out var error) ? path! : throw new FormatException($"'{text}' is not a path: {error}.");

    /// <summary>The value the path points at in <paramref name="root"/>, or null when it is missing or JSON null.</summary>
    public JsonElement? Find(JsonElement root)
    {
        foreach (var segments in _alternatives)
        {
            if (FindOne(root, segments) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    public override string ToString() => Text;

    private static JsonElement? FindOne(JsonElement root, IReadOnlyList<Segment> segments)
    {
        var current = root;
        foreach (var segment in segments)
        {
            if (segment.Name is { } name)
            {
                if (current.ValueKind != JsonValueKind.Object || !TryGetProperty(current, name, out current))
                {
                    return null;
                }
            }
            else if (current.ValueKind != JsonValueKind.Array || segment.Index >= current.GetArrayLength())
            {
                return null;
            }
            else
            {
                current = current[segment.Index];
            }
        }

        return current.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : current;
    }

    private static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        if (element.TryGetProperty(name, out value))
        {
            return true;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        return false;
    }

    private static bool TryParseOne(string text, out IReadOnlyList<Segment> segments, out string error)
    {
        var list = new List<Segment>();
        segments = list;
        error = "";
        var i = 0;
        if (text.StartsWith('$'))
        {
            i = 1;
        }
        else if (text.Length > 0 && text[0] != '.' && text[0] != '[')
        {
            // A bare first name, as in data[0].id.
            text = "." + text;
        }

        while (i < text.Length)
        {
            switch (text[i])
            {
                case '.':
                    var start = ++i;
                    while (i < text.Length && text[i] != '.' && text[i] != '[')
                    {
                        i++;
                    }

                    var name = text[start..i].Trim();
                    if (name.Length == 0)
                    {
                        error = $"has an empty name at position {start}";
                        return false;
                    }

                    list.Add(new Segment(name, 0));
                    break;
                case '[':
                    i++;
                    if (i < text.Length && text[i] is '\'' or '"')
                    {
                        var quote = text[i++];
                        var quoted = new StringBuilder();
                        while (i < text.Length && text[i] != quote)
                        {
                            quoted.Append(text[i++]);
                        }

                        if (i + 1 >= text.Length || text[i + 1] != ']')
                        {
                            error = "has an unclosed ['name']";
                            return false;
                        }

                        i += 2;
                        list.Add(new Segment(quoted.ToString(), 0));
                    }
                    else
                    {
                        var close = text.IndexOf(']', i);
                        if (close < 0 || !int.TryParse(text.AsSpan(i, close - i), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                        {
                            error = "has an index that is not [n] with a whole number n, or ['name']";
                            return false;
                        }

                        list.Add(new Segment(null, index));
                        i = close + 1;
                    }

                    break;
                default:
                    error = $"has '{text[i]}' at position {i}; expected '.' or '['";
                    return false;
            }
        }

        return true;
    }

    private readonly record struct Segment(string? Name, int Index);
}
