using System.Globalization;
using System.Text;
using System.Text.Json;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Storage.Wallboards;

namespace SalesCoach.Live.Server.Wallboard;

/// <summary>
/// Reads and validates the JSON body of <c>POST</c> and <c>PUT /api/wallboards</c>, naming every bad field
/// (<c>title</c>, <c>teams[1]</c>, <c>dwellSeconds</c>...) so that the answer is a problem+json an admin can act on.
/// </summary>
public sealed class WallboardRequestReader(Organization org)
{
    // Fields a GET returns and a PUT may send back unchanged; they are not the client's to set.
    private static readonly HashSet<string> ReadOnlyFields = new(StringComparer.Ordinal) { "revision", "createdAt", "updatedAt", "url" };
    private static readonly HashSet<string> Fields = new(StringComparer.Ordinal) { "id", "title", "teams", "slides", "dwellSeconds", "theme" };

    /// <summary>
    /// The definition in <paramref name="body"/>, or the errors by field. <paramref name="routeId"/> is the id of a
    /// PUT (the body's id, if any, must match); for a POST the id is the body's, or made from the title when absent.
    /// </summary>
    public (WallboardDefinition? Board, Dictionary<string, string[]> Errors) Read(JsonElement body, string? routeId)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Error(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            Error("body", "a board definition is a JSON object");
            return (null, Freeze(errors));
        }

        foreach (var property in body.EnumerateObject())
        {
            if (!Fields.Contains(property.Name) && !ReadOnlyFields.Contains(property.Name))
            {
                Error(property.Name, $"unknown field (known: {string.Join(", ", Fields)})");
            }
        }

        var title = ReadString(body, "title", required: true, WallboardOptions.MaxTitleLength, Error);
        var id = ReadString(body, "id", required: false, WallboardOptions.MaxIdLength, Error);
        if (routeId is not null && id is not null && id != routeId)
        {
            Error("id", $"the body's id '{id}' is not the id in the URL '{routeId}'");
        }

        id = routeId ?? id;
        if (id is not null && !IsValidId(id))
        {
            Error("id", "an id has 1 to 64 characters: lower-case letters, digits, '-' and '_', starting with a letter or digit");
        }

        var teams = ReadList(body, "teams", required: true, WallboardOptions.MaxTeams, Error, (team, field) =>
        {
            if (org.FindTeam(team) is null)
            {
                Error(field, $"unknown team '{team}'");
            }
        });
        var slides = ReadList(body, "slides", required: false, WallboardOptions.Slides.Count, Error, (slide, field) =>
        {
            if (!WallboardOptions.Slides.Contains(slide))
            {
                Error(field, $"unknown slide '{slide}' (known: {string.Join(", ", WallboardOptions.Slides)})");
            }
        });

        var dwell = WallboardOptions.DefaultDwellSeconds;
        if (body.TryGetProperty("dwellSeconds", out var dwellElement) && dwellElement.ValueKind != JsonValueKind.Null)
        {
            if (dwellElement.ValueKind != JsonValueKind.Number || !dwellElement.TryGetInt32(out dwell))
            {
                Error("dwellSeconds", "a whole number of seconds");
            }
            else if (dwell is < WallboardOptions.MinDwellSeconds or > WallboardOptions.MaxDwellSeconds)
            {
                Error("dwellSeconds", string.Create(CultureInfo.InvariantCulture, $"between {WallboardOptions.MinDwellSeconds} and {WallboardOptions.MaxDwellSeconds} seconds"));
            }
        }

        var theme = ReadString(body, "theme", required: false, 20, Error) ?? WallboardOptions.Themes[0];
        if (!WallboardOptions.Themes.Contains(theme))
        {
            Error("theme", $"unknown theme '{theme}' (known: {string.Join(", ", WallboardOptions.Themes)})");
        }

        if (errors.Count > 0)
        {
            return (null, Freeze(errors));
        }

        var board = new WallboardDefinition(
            id ?? IdFromTitle(title!), title!, teams!, slides ?? WallboardOptions.DefaultSlides, dwell, theme);
        return (board, []);
    }

    /// <summary>A board id made from a title: "Sales floor (Berlin)" becomes "sales-floor-berlin".</summary>
    public static string IdFromTitle(string title)
    {
        var id = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                id.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && id.Length > 0 && id[^1] != '-')
            {
                id.Append('-');
            }
        }

        var text = id.ToString().Trim('-');
        text = text.Length > WallboardOptions.MaxIdLength - 4 ? text[..(WallboardOptions.MaxIdLength - 4)].TrimEnd('-') : text;
        return text.Length == 0 ? "board" : text;
    }

    /// <summary>True for an id of the allowed shape.</summary>
    public static bool IsValidId(string id) =>
        id.Length is >= 1 and <= WallboardOptions.MaxIdLength
        && char.IsAsciiLetterOrDigit(id[0])
        && id.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c) || c is '-' or '_');

    private static string? ReadString(JsonElement body, string field, bool required, int maxLength, Action<string, string> error)
    {
        if (!body.TryGetProperty(field, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                error(field, "required");
            }

            return null;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            error(field, "a string");
            return null;
        }

        var value = element.GetString()!.Trim();
        if (value.Length == 0 && required)
        {
            error(field, "must not be empty");
            return null;
        }

        if (value.Length > maxLength)
        {
            error(field, string.Create(CultureInfo.InvariantCulture, $"at most {maxLength} characters"));
            return null;
        }

        return value.Length == 0 ? null : value;
    }

    private static List<string>? ReadList(
        JsonElement body, string field, bool required, int maxCount, Action<string, string> error, Action<string, string> check)
    {
        if (!body.TryGetProperty(field, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                error(field, "required: a list of one or more");
            }

            return null;
        }

        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() == 0)
        {
            error(field, "a list of one or more strings");
            return null;
        }

        if (element.GetArrayLength() > maxCount)
        {
            error(field, string.Create(CultureInfo.InvariantCulture, $"at most {maxCount}"));
            return null;
        }

        var values = new List<string>();
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var itemField = string.Create(CultureInfo.InvariantCulture, $"{field}[{index++}]");
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
            {
                error(itemField, "a non-empty string");
                continue;
            }

            var value = item.GetString()!.Trim();
            if (values.Contains(value, StringComparer.Ordinal))
            {
                error(itemField, $"'{value}' is listed twice");
                continue;
            }

            check(value, itemField);
            values.Add(value);
        }

        return values;
    }

    private static Dictionary<string, string[]> Freeze(Dictionary<string, List<string>> errors) =>
        errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
