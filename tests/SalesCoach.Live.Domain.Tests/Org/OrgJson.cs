using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SalesCoach.Live.Domain.Tests.Org;

/// <summary>Org file texts for the tests, and a way to break one thing in them.</summary>
internal static partial class OrgJson
{
    /// <summary>The sample of contract section 2, verbatim.</summary>
    public const string ContractSample = """
        {
          "metrics": [
            { "key": "call",    "name": "Calls",           "points": 1 },
            { "key": "meeting", "name": "Meetings booked", "points": 10, "outcomeOf": "call" },
            { "key": "deal",    "name": "Deals won",       "points": 50, "celebrate": true, "hasValue": true }
          ],
          "teams": [
            {
              "id": "emea", "name": "EMEA SDR", "timeZone": "Europe/Berlin",
              "workingHours": { "days": ["Mon","Tue","Wed","Thu","Fri"], "start": "09:00", "end": "17:00" },
              "holidays": ["2026-12-25"],
              "goals": [ { "metric": "call", "period": "day", "target": 60 },
                         { "metric": "meeting", "period": "week", "target": 8 } ],
              "reps": [ { "id": "anna", "name": "Anna Berg" },
                        { "id": "ben",  "name": "Ben Okafor",
                          "goals": [ { "metric": "call", "period": "day", "target": 40 } ] } ]
            }
          ]
        }
        """;

    /// <summary>The contract sample with a second team, so problems across teams can be made.</summary>
    public static string TwoTeams
    {
        get
        {
            var root = JsonNode.Parse(ContractSample)!;
            root["teams"]!.AsArray().Add(JsonNode.Parse("""
                {
                  "id": "amer", "name": "Americas AE", "timeZone": "America/New_York",
                  "goals": [ { "metric": "call", "period": "day", "target": 45 } ],
                  "reps": [ { "id": "carl", "name": "Carl Jones" } ]
                }
                """));
            return root.ToJsonString();
        }
    }

    /// <summary>
    /// <paramref name="json"/> with, for each of <paramref name="changes"/>, the node at its path (such as <c>$.teams[0].timeZone</c>)
    /// replaced by its value, JSON written with single quotes for double ones; a null value removes the node.
    /// </summary>
    public static string With(string json, params (string Path, string? Value)[] changes)
    {
        var root = JsonNode.Parse(json)!;
        foreach (var (path, value) in changes)
        {
            var steps = Step().Matches(path).ToList();
            if (steps.Count == 0 || string.Concat(steps.Select(s => s.Value)) != path[1..])
            {
                throw new ArgumentException($"'{path}' is not a path such as $.teams[0].id", nameof(changes));
            }

            var parent = root;
            foreach (var step in steps.SkipLast(1))
            {
                parent = step.Groups["name"].Success ? parent[step.Groups["name"].Value]! : parent[int.Parse(step.Groups["index"].Value, CultureInfo.InvariantCulture)]!;
            }

            var last = steps[^1];
            var node = value is null ? null : JsonNode.Parse(value.Replace('\'', '"'));
            if (last.Groups["name"].Success)
            {
                var obj = parent.AsObject();
                if (value is null)
                {
                    obj.Remove(last.Groups["name"].Value);
                }
                else
                {
                    obj[last.Groups["name"].Value] = node;
                }
            }
            else
            {
                var array = parent.AsArray();
                var index = int.Parse(last.Groups["index"].Value, CultureInfo.InvariantCulture);
                if (value is null)
                {
                    array.RemoveAt(index);
                }
                else
                {
                    array[index] = node;
                }
            }
        }

        return root.ToJsonString();
    }

    [GeneratedRegex(@"\.(?<name>[A-Za-z]+)|\[(?<index>\d+)\]")]
    private static partial Regex Step();
}
