using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SalesCoach.Live.Domain.Calendar;

namespace SalesCoach.Live.Domain.Org;

/// <summary>
/// Reads the org file of contract section 2 (and reads and writes it as a typed <see cref="OrgDocument"/> for editing,
/// see <see cref="ReadDocument"/>). Every problem is collected with its JSON path, so one start-up
/// shows them all. Unknown properties are ignored, so files written for later versions still load.
/// </summary>
public static partial class OrgFile
{
    // How documents read and write the org file: camelCase, null values left out, comments and trailing commas read.
    private static readonly JsonSerializerOptions DocumentJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
    };

    private static readonly Dictionary<string, DayOfWeek> DayNames = new(StringComparer.Ordinal)
    {
        ["Mon"] = DayOfWeek.Monday, ["Tue"] = DayOfWeek.Tuesday, ["Wed"] = DayOfWeek.Wednesday,
        ["Thu"] = DayOfWeek.Thursday, ["Fri"] = DayOfWeek.Friday, ["Sat"] = DayOfWeek.Saturday, ["Sun"] = DayOfWeek.Sunday,
    };

    /// <summary>Loads and validates the file at <paramref name="path"/>.</summary>
    /// <exception cref="OrgFileException">The file is missing, not JSON, or not a valid org.</exception>
    public static Organization Load(string path)
    {
        string json;
        try
        {
            json = System.IO.File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OrgFileException(path, [new("$", $"cannot read the file: {e.Message}")]);
        }

        return Parse(json, path);
    }

    /// <summary>Parses org JSON; <paramref name="fileName"/> only names the source in errors.</summary>
    public static Organization Parse(string json, string fileName = "(org)")
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new OrgFileException(fileName, [new($"$ (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})", $"not valid JSON: {e.Message}")]);
        }

        using (document)
        {
            var reader = new Reader();
            var org = reader.ReadOrg(document.RootElement);
            if (reader.Problems.Count > 0 || org is null)
            {
                throw new OrgFileException(fileName, reader.Problems);
            }

            return org;
        }
    }

    /// <summary>Reads org JSON into a typed, unchecked <see cref="OrgDocument"/> (comments and trailing commas allowed).</summary>
    /// <exception cref="JsonException">The text is not JSON, or a value does not fit its type (e.g. a string for points).</exception>
    public static OrgDocument ReadDocument(string json) =>
        JsonSerializer.Deserialize<OrgDocument>(json, DocumentJson) ?? throw new JsonException("The org document is null.");

    /// <summary>Writes a document as indented org JSON (camelCase names, absent values left out).</summary>
    public static string WriteDocument(OrgDocument document) => JsonSerializer.Serialize(document, DocumentJson);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$")]
    private static partial Regex IdPattern();

    // One plain address: a local part, '@', and a domain with at least one dot; no spaces, angle brackets or second '@'.
    [GeneratedRegex(@"^[^@\s<>(),;:""\[\]]+@[^@\s<>(),;:""\[\]]+\.[^@\s<>(),;:""\[\].]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^(?<h>\d{2}):(?<m>\d{2})$")]
    private static partial Regex TimePattern();

    private sealed class Reader
    {
        public List<OrgFileProblem> Problems { get; } = [];

        public Organization? ReadOrg(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Problem("$", "must be an object with 'metrics' and 'teams'");
                return null;
            }

            var metrics = ReadMetrics(root);
            var metricKeys = metrics.Select(m => m.Key).ToHashSet(StringComparer.Ordinal);
            var teams = new List<Team>();
            var teamIds = new HashSet<string>(StringComparer.Ordinal);
            var repIds = new HashSet<string>(StringComparer.Ordinal);
            var repEmails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (RequiredArray(root, "teams", "$") is { } teamArray)
            {
                var i = 0;
                foreach (var element in teamArray.EnumerateArray())
                {
                    var path = $"$.teams[{i++}]";
                    if (ReadTeam(element, path, metricKeys, repIds, repEmails) is { } team)
                    {
                        if (!teamIds.Add(team.Id))
                        {
                            Problem($"{path}.id", $"team id '{team.Id}' is used twice");
                        }

                        teams.Add(team);
                    }
                }

                if (i == 0)
                {
                    Problem("$.teams", "must list at least one team");
                }
            }

            return Problems.Count == 0 ? new Organization(metrics, teams) : null;
        }

        private List<Metric> ReadMetrics(JsonElement root)
        {
            var metrics = new List<Metric>();
            if (RequiredArray(root, "metrics", "$") is not { } array)
            {
                return metrics;
            }

            var outcomes = new List<(string Path, string Of)>();
            var i = 0;
            foreach (var element in array.EnumerateArray())
            {
                var path = $"$.metrics[{i++}]";
                if (!IsObject(element, path))
                {
                    continue;
                }

                var key = Id(element, "key", path);
                var name = RequiredString(element, "name", path);
                var points = OptionalInt(element, "points", path, 0, 1_000_000) ?? 0;
                var outcomeOf = OptionalString(element, "outcomeOf", path);
                var celebrate = OptionalBool(element, "celebrate", path) ?? false;
                var hasValue = OptionalBool(element, "hasValue", path) ?? false;
                if (key is null || name is null)
                {
                    continue;
                }

                if (metrics.Any(m => m.Key == key))
                {
                    Problem($"{path}.key", $"metric key '{key}' is used twice");
                }

                if (outcomeOf is not null)
                {
                    outcomes.Add(($"{path}.outcomeOf", outcomeOf));
                    if (outcomeOf == key)
                    {
                        Problem($"{path}.outcomeOf", "a metric cannot be the outcome of itself");
                    }
                }

                metrics.Add(new Metric(key, name, points, outcomeOf, celebrate, hasValue));
            }

            if (i == 0)
            {
                Problem("$.metrics", "must list at least one metric");
            }

            foreach (var (path, of) in outcomes.Where(o => metrics.All(m => m.Key != o.Of)))
            {
                Problem(path, $"names unknown metric '{of}'");
            }

            return metrics;
        }

        private Team? ReadTeam(JsonElement element, string path, HashSet<string> metricKeys, HashSet<string> repIds, HashSet<string> repEmails)
        {
            if (!IsObject(element, path))
            {
                return null;
            }

            var id = Id(element, "id", path);
            var name = RequiredString(element, "name", path);
            var zone = ReadZone(element, path);
            var calendar = ReadCalendar(element, path, zone);
            var goals = ReadGoals(element, path, metricKeys) ?? [];
            var reps = new List<(string Id, string Name, string? Email, List<Goal> Goals)>();
            if (RequiredArray(element, "reps", path) is { } repArray)
            {
                var r = 0;
                foreach (var repElement in repArray.EnumerateArray())
                {
                    var repPath = $"{path}.reps[{r++}]";
                    if (!IsObject(repElement, repPath))
                    {
                        continue;
                    }

                    var repId = Id(repElement, "id", repPath);
                    var repName = RequiredString(repElement, "name", repPath);
                    var repEmail = ReadEmail(repElement, repPath, repEmails);
                    var repGoals = ReadGoals(repElement, repPath, metricKeys) ?? [];
                    if (repId is null || repName is null)
                    {
                        continue;
                    }

                    if (!repIds.Add(repId))
                    {
                        Problem($"{repPath}.id", $"rep id '{repId}' is used twice (rep ids are unique across the org)");
                    }

                    reps.Add((repId, repName, repEmail, repGoals));
                }
            }

            if (id is null || name is null || calendar is null)
            {
                return null;
            }

            var effective = reps.Select(rep => new Rep(rep.Id, rep.Name, id, Merge(goals, rep.Goals), rep.Email)).ToList();
            return new Team(id, name, calendar, goals, effective);
        }

        // A rep's goal replaces the team's goal for the same metric and period; the rest of the team's goals apply.
        private static List<Goal> Merge(List<Goal> teamGoals, List<Goal> repGoals) =>
            [.. teamGoals.Where(t => !repGoals.Any(r => r.Metric == t.Metric && r.Period == t.Period)), .. repGoals];

        // A rep's optional e-mail: one address (no display name, no spaces), unique across the org ignoring case.
        private string? ReadEmail(JsonElement rep, string path, HashSet<string> emails)
        {
            if (OptionalString(rep, "email", path) is not { } email)
            {
                return null;
            }

            if (email.Length > 254 || !EmailPattern().IsMatch(email))
            {
                Problem($"{path}.email", $"'{email}' is not a valid e-mail address (write it as name@example.com)");
                return null;
            }

            if (!emails.Add(email))
            {
                Problem($"{path}.email", $"e-mail '{email}' is used twice (rep e-mails are unique across the org, ignoring case)");
            }

            return email;
        }

        private TimeZoneInfo? ReadZone(JsonElement team, string path)
        {
            if (RequiredString(team, "timeZone", path) is not { } zoneId)
            {
                return null;
            }

            if (TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
            {
                return zone;
            }

            Problem($"{path}.timeZone", $"unknown time zone '{zoneId}' (use an IANA id such as 'Europe/Berlin')");
            return null;
        }

        private WorkingCalendar? ReadCalendar(JsonElement team, string path, TimeZoneInfo? zone)
        {
            IReadOnlyList<DayOfWeek> days = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
            TimeSpan? start = TimeSpan.FromHours(9);
            TimeSpan? end = TimeSpan.FromHours(17);
            var ok = true;
            if (team.TryGetProperty("workingHours", out var hours))
            {
                var hoursPath = $"{path}.workingHours";
                if (!IsObject(hours, hoursPath))
                {
                    return null;
                }

                if (hours.TryGetProperty("days", out var dayArray))
                {
                    var parsed = new List<DayOfWeek>();
                    if (dayArray.ValueKind != JsonValueKind.Array)
                    {
                        Problem($"{hoursPath}.days", "must be an array such as [\"Mon\",\"Tue\"]");
                        ok = false;
                    }
                    else
                    {
                        var d = 0;
                        foreach (var day in dayArray.EnumerateArray())
                        {
                            var dayPath = $"{hoursPath}.days[{d++}]";
                            if (day.ValueKind == JsonValueKind.String && DayNames.TryGetValue(day.GetString()!, out var dow))
                            {
                                if (parsed.Contains(dow))
                                {
                                    Problem(dayPath, $"'{day.GetString()}' is listed twice");
                                    ok = false;
                                }

                                parsed.Add(dow);
                            }
                            else
                            {
                                Problem(dayPath, "must be one of Mon, Tue, Wed, Thu, Fri, Sat, Sun");
                                ok = false;
                            }
                        }

                        if (d == 0)
                        {
                            Problem($"{hoursPath}.days", "must list at least one working day");
                            ok = false;
                        }
                    }

                    days = parsed;
                }

                start = TimeOfDay(hours, "start", hoursPath, start.Value);
                end = TimeOfDay(hours, "end", hoursPath, end.Value);
                if (start is { } s && end is { } e && e <= s)
                {
                    Problem($"{hoursPath}.end", "must be later than start (working hours cannot span midnight)");
                    ok = false;
                }
            }

            var holidays = new List<DateOnly>();
            if (team.TryGetProperty("holidays", out var holidayArray))
            {
                if (holidayArray.ValueKind != JsonValueKind.Array)
                {
                    Problem($"{path}.holidays", "must be an array of dates such as \"2026-12-25\"");
                    ok = false;
                }
                else
                {
                    var h = 0;
                    foreach (var holiday in holidayArray.EnumerateArray())
                    {
                        var holidayPath = $"{path}.holidays[{h++}]";
                        if (holiday.ValueKind == JsonValueKind.String
                            && DateOnly.TryParseExact(holiday.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                        {
                            holidays.Add(date);
                        }
                        else
                        {
                            Problem(holidayPath, "must be a date in the form yyyy-MM-dd");
                            ok = false;
                        }
                    }
                }
            }

            return ok && zone is not null && start is not null && end is not null
                ? new WorkingCalendar(zone, days, start.Value, end.Value, holidays)
                : null;
        }

        private TimeSpan? TimeOfDay(JsonElement hours, string property, string path, TimeSpan fallback)
        {
            if (!hours.TryGetProperty(property, out var value))
            {
                return fallback;
            }

            if (value.ValueKind == JsonValueKind.String && TimePattern().Match(value.GetString()!) is { Success: true } match)
            {
                var h = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
                var m = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
                if ((h < 24 && m < 60) || (h == 24 && m == 0))
                {
                    return new TimeSpan(h, m, 0);
                }
            }

            Problem($"{path}.{property}", "must be a local time in the form HH:mm (00:00 to 24:00)");
            return null;
        }

        private List<Goal>? ReadGoals(JsonElement owner, string path, HashSet<string> metricKeys)
        {
            if (!owner.TryGetProperty("goals", out var array))
            {
                return null;
            }

            if (array.ValueKind != JsonValueKind.Array)
            {
                Problem($"{path}.goals", "must be an array of goals");
                return null;
            }

            var goals = new List<Goal>();
            var i = 0;
            foreach (var element in array.EnumerateArray())
            {
                var goalPath = $"{path}.goals[{i++}]";
                if (!IsObject(element, goalPath))
                {
                    continue;
                }

                var metric = RequiredString(element, "metric", goalPath);
                if (metric is not null && !metricKeys.Contains(metric))
                {
                    Problem($"{goalPath}.metric", $"unknown metric '{metric}'");
                    metric = null;
                }

                GoalPeriod? period = null;
                if (RequiredString(element, "period", goalPath) is { } periodName)
                {
                    if (GoalPeriodNames.TryParse(periodName, out var p))
                    {
                        period = p;
                    }
                    else
                    {
                        Problem($"{goalPath}.period", $"'{periodName}' is not one of day, week, month, quarter");
                    }
                }

                double? target = null;
                if (!element.TryGetProperty("target", out var targetElement))
                {
                    Problem($"{goalPath}.target", "is required");
                }
                else if (targetElement.ValueKind != JsonValueKind.Number || !targetElement.TryGetDouble(out var t) || t <= 0 || t > 1e9)
                {
                    Problem($"{goalPath}.target", "must be a number greater than 0");
                }
                else
                {
                    target = t;
                }

                if (metric is null || period is null || target is null)
                {
                    continue;
                }

                if (goals.Any(g => g.Metric == metric && g.Period == period))
                {
                    Problem(goalPath, $"a second goal for '{metric}' per {period.Value.ToName()}");
                    continue;
                }

                goals.Add(new Goal(metric, period.Value, target.Value));
            }

            return goals;
        }

        private bool IsObject(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                return true;
            }

            Problem(path, "must be an object");
            return false;
        }

        private JsonElement? RequiredArray(JsonElement owner, string property, string path)
        {
            if (!owner.TryGetProperty(property, out var value))
            {
                Problem($"{path}.{property}", "is required");
                return null;
            }

            if (value.ValueKind != JsonValueKind.Array)
            {
                Problem($"{path}.{property}", "must be an array");
                return null;
            }

            return value;
        }

        private string? RequiredString(JsonElement owner, string property, string path)
        {
            if (!owner.TryGetProperty(property, out var value))
            {
                Problem($"{path}.{property}", "is required");
                return null;
            }

            if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
            {
                Problem($"{path}.{property}", "must be a non-empty string");
                return null;
            }

            return value.GetString();
        }

        private string? Id(JsonElement owner, string property, string path)
        {
            var id = RequiredString(owner, property, path);
            if (id is not null && !IdPattern().IsMatch(id))
            {
                Problem($"{path}.{property}", $"'{id}' is not a valid id (1-64 letters, digits, '_', '-', '.', '@', starting with a letter or digit)");
                return null;
            }

            return id;
        }

        private string? OptionalString(JsonElement owner, string property, string path)
        {
            if (!owner.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
            {
                return value.GetString();
            }

            Problem($"{path}.{property}", "must be a non-empty string");
            return null;
        }

        private bool? OptionalBool(JsonElement owner, string property, string path)
        {
            if (!owner.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return value.GetBoolean();
            }

            Problem($"{path}.{property}", "must be true or false");
            return null;
        }

        private int? OptionalInt(JsonElement owner, string property, string path, int min, int max)
        {
            if (!owner.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= min && number <= max)
            {
                return number;
            }

            Problem($"{path}.{property}", $"must be a whole number from {min} to {max}");
            return null;
        }

        private void Problem(string path, string message) => Problems.Add(new OrgFileProblem(path, message));
    }
}
