using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SalesCoach.Live.Server.Integrations;

/// <summary>
/// Reads the <c>Webhooks</c> configuration section into checked mappings. Every problem is collected and reported at
/// once, each with its full configuration key, so a typo stops start-up with a message that says where it is.
/// </summary>
public static partial class WebhookMappingReader
{
    /// <summary>The activity fields a mapping can fill, as the ingest contract names them.</summary>
    public static readonly IReadOnlyList<string> FieldNames = ["id", "repId", "type", "occurredAt", "quantity", "value", "source"];

    private static readonly string[] RequiredFields = ["id", "repId", "type", "occurredAt"];
    private static readonly HashSet<string> SourceKeys = new(["Enabled", "Description", "Secret", "SignatureHeader", "Events", "IdPrefix", "Fields", "Filters", "RepAliases"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> FieldKeys = new(["Path", "Value", "Default", "Map", "Format"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> FilterKeys = new(["Enabled", "Path", "Equals", "NotEquals", "In", "NotIn", "Exists", "ForType"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Names a source may not have: they are routes of their own under <c>/api/webhooks/</c>.</summary>
    private static readonly HashSet<string> ReservedNames = new(["dead-letters", "sources"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads <paramref name="webhooks"/> (the <c>Webhooks</c> section); throws <see cref="InvalidOperationException"/> listing every problem.</summary>
    public static WebhookMappingSet Read(IConfigurationSection webhooks)
    {
        ArgumentNullException.ThrowIfNull(webhooks);
        var problems = new List<string>();
        var sources = new Dictionary<string, SourceMapping>(StringComparer.OrdinalIgnoreCase);
        foreach (var section in webhooks.GetSection("Sources").GetChildren())
        {
            if (ReadSource(section, problems) is { } source)
            {
                sources[source.Name] = source;
            }
        }

        var maxBody = WebhookMappingSet.DefaultMaxBodyBytes;
        if (webhooks["MaxBodyBytes"] is { } maxText
            && (!long.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out maxBody) || maxBody < 1024))
        {
            problems.Add($"{webhooks.Path}:MaxBodyBytes: '{maxText}' is not a whole number of bytes of at least 1024");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                new StringBuilder("The webhook mappings are not valid:").AppendJoin("", problems.Select(p => "\n  - " + p)).ToString());
        }

        return new WebhookMappingSet(sources, ReadAliases(webhooks.GetSection("RepAliases")), maxBody);
    }

    private static SourceMapping? ReadSource(IConfigurationSection section, List<string> problems)
    {
        var name = section.Key;
        var before = problems.Count;
        if (!SourceName().IsMatch(name) || ReservedNames.Contains(name))
        {
            problems.Add($"{section.Path}: '{name}' cannot be a source name: use 1 to 64 letters, digits, '-', '_' or '.', and not 'dead-letters' or 'sources'");
        }

        foreach (var child in section.GetChildren().Where(c => !SourceKeys.Contains(c.Key)))
        {
            problems.Add($"{child.Path}: unknown key; a source has {string.Join(", ", SourceKeys.Order(StringComparer.Ordinal))}");
        }

        var enabled = ReadBool(section, "Enabled", true, problems);
        FieldPath? events = null;
        if (section["Events"] is { Length: > 0 } eventsText)
        {
            events = ReadPath(eventsText, $"{section.Path}:Events", problems);
        }

        var fields = new Dictionary<string, FieldMapping>(StringComparer.OrdinalIgnoreCase);
        foreach (var fieldSection in section.GetSection("Fields").GetChildren())
        {
            var fieldName = FieldNames.FirstOrDefault(f => string.Equals(f, fieldSection.Key, StringComparison.OrdinalIgnoreCase));
            if (fieldName is null)
            {
                problems.Add($"{fieldSection.Path}: unknown field; the fields are {string.Join(", ", FieldNames)}");
                continue;
            }

            if (ReadField(fieldName, fieldSection, problems) is { } field)
            {
                fields[fieldName] = field;
            }
        }

        foreach (var required in RequiredFields.Where(f => !fields.ContainsKey(f)))
        {
            problems.Add($"{section.Path}:Fields:{required}: is required (a Path into the event, or a constant Value)");
        }

        var filters = new List<EventFilter>();
        foreach (var filterSection in section.GetSection("Filters").GetChildren())
        {
            if (ReadFilter(filterSection, problems) is { } filter)
            {
                filters.Add(filter);
            }
        }

        if (problems.Count > before)
        {
            return null;
        }

        var secret = section["Secret"];
        return new SourceMapping
        {
            Name = name,
            Enabled = enabled,
            Secret = string.IsNullOrEmpty(secret) ? null : Encoding.UTF8.GetBytes(secret),
            SignatureHeader = section["SignatureHeader"] is { Length: > 0 } header ? header.Trim() : "X-Signature",
            Events = events,
            IdPrefix = section["IdPrefix"] ?? name + ":",
            Fields = fields,
            Filters = filters,
            RepAliases = ReadAliases(section.GetSection("RepAliases")),
        };
    }

    private static FieldMapping? ReadField(string field, IConfigurationSection section, List<string> problems)
    {
        // A plain string is a path: "id": "$.call_id". Over a built-in object it replaces the path and keeps the rest.
        var pathText = section.Value ?? section["Path"];
        foreach (var child in section.GetChildren().Where(c => !FieldKeys.Contains(c.Key)))
        {
            problems.Add($"{child.Path}: unknown key; a field has Path, Value, Default, Map and Format");
        }

        var path = pathText is { Length: > 0 } ? ReadPath(pathText, section.Value is null ? section.Path + ":Path" : section.Path, problems) : null;
        var value = section["Value"];
        // An empty Path clears a default's path (to use a constant instead, or to leave an optional field unmapped).
        if (path is null && value is null && pathText is not { Length: > 0 } && RequiredFields.Contains(field))
        {
            problems.Add($"{section.Path}: give a Path into the event or a constant Value");
        }

        var format = TimeFormat.Iso8601;
        if (section["Format"] is { Length: > 0 } formatText && !Enum.TryParse(formatText, ignoreCase: true, out format))
        {
            problems.Add($"{section.Path}:Format: '{formatText}' is not one of iso8601, unixSeconds, unixMilliseconds");
        }

        Dictionary<string, string>? map = null;
        var mapSection = section.GetSection("Map");
        if (mapSection.GetChildren().Any())
        {
            map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in mapSection.GetChildren())
            {
                map[entry.Key] = entry.Value ?? "";
            }
        }

        return new FieldMapping { Field = field, Path = path, Value = value, Default = section["Default"], Map = map, Format = format };
    }

    private static EventFilter? ReadFilter(IConfigurationSection section, List<string> problems)
    {
        var before = problems.Count;
        foreach (var child in section.GetChildren().Where(c => !FilterKeys.Contains(c.Key)))
        {
            problems.Add($"{child.Path}: unknown key; a filter has {string.Join(", ", FilterKeys.Order(StringComparer.Ordinal))}");
        }

        if (!ReadBool(section, "Enabled", true, problems))
        {
            return null;
        }

        var path = section["Path"] is { Length: > 0 } pathText ? ReadPath(pathText, section.Path + ":Path", problems) : null;
        if (path is null && section["Path"] is not { Length: > 0 })
        {
            problems.Add($"{section.Path}:Path: is required");
        }

        bool? exists = section["Exists"] is null ? null : ReadBool(section, "Exists", true, problems);
        return problems.Count > before ? null : new EventFilter
        {
            Name = section.Key,
            Path = path!,
            EqualTo = section["Equals"],
            NotEqualTo = section["NotEquals"],
            In = ReadList(section.GetSection("In")),
            NotIn = ReadList(section.GetSection("NotIn")),
            Exists = exists,
            ForType = section["ForType"] is { Length: > 0 } forType ? forType.Trim() : null,
        };
    }

    /// <summary>A list given as an array or as one comma-separated string (a string wins, so it can replace a default array).</summary>
    private static HashSet<string>? ReadList(IConfigurationSection section)
    {
        var items = section.Value is { } text
            ? text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : section.GetChildren().Select(c => c.Value?.Trim()).OfType<string>().ToArray();
        return items.Length == 0 && section.Value is null ? null : new HashSet<string>(items, StringComparer.OrdinalIgnoreCase);
    }

    private static Dictionary<string, string> ReadAliases(IConfigurationSection section) =>
        section.GetChildren()
            .Where(c => !string.IsNullOrWhiteSpace(c.Value))
            .ToDictionary(c => c.Key.Trim(), c => c.Value!.Trim(), StringComparer.OrdinalIgnoreCase);

    private static FieldPath? ReadPath(string text, string key, List<string> problems)
    {
        if (FieldPath.TryParse(text, out var path, out var error))
        {
            return path;
        }

        problems.Add($"{key}: {error}");
        return null;
    }

    private static bool ReadBool(IConfigurationSection section, string key, bool fallback, List<string> problems)
    {
        if (section[key] is not { } text)
        {
            return fallback;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        problems.Add($"{section.Path}:{key}: '{text}' is not true or false");
        return fallback;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex SourceName();
}
