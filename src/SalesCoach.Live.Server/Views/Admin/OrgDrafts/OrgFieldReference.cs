using System.Globalization;
using System.Text.RegularExpressions;

namespace SalesCoach.Live.Server.Views.Admin.OrgDrafts;

/// <summary>
/// Turns the JSON paths of org file problems (<c>$.teams[0].goals[1].target</c>) into the words an admin reads on the
/// page (<c>team "EMEA SDR" › goal 2 (call, day) › target</c>), using the draft being edited for names.
/// </summary>
public static partial class OrgFieldReference
{
    /// <summary>The path as a readable reference; a path it does not know is returned as it is.</summary>
    public static string Describe(string path, OrgDraft draft)
    {
        var parts = new List<string>();
        TeamDraft? team = null;
        RepDraft? rep = null;
        string? list = null;
        foreach (Match step in Step().Matches(path))
        {
            if (step.Groups["name"].Success)
            {
                list = step.Groups["name"].Value;
                if (list is not ("metrics" or "teams" or "goals" or "reps" or "holidays"))
                {
                    parts.Add(list == "workingHours" ? "working hours" : list);
                }

                continue;
            }

            var i = int.Parse(step.Groups["index"].Value, CultureInfo.InvariantCulture);
            var n = (i + 1).ToString(CultureInfo.InvariantCulture);
            switch (list)
            {
                case "metrics":
                    parts.Add(i < draft.Metrics.Count ? $"metric \"{draft.Metrics[i].Name}\"" : $"metric {n}");
                    break;
                case "teams":
                    team = i < draft.Teams.Count ? draft.Teams[i] : null;
                    parts.Add(team is null ? $"team {n}" : $"team \"{team.Name}\"");
                    break;
                case "reps":
                    rep = team is not null && i < team.Reps.Count ? team.Reps[i] : null;
                    parts.Add(rep is null ? $"rep {n}" : $"rep \"{rep.Name}\"");
                    break;
                case "goals":
                    var goals = rep is not null ? rep.Goals : team?.Goals;
                    var goal = goals is not null && i < goals.Count ? goals[i] : null;
                    parts.Add(goal is null ? $"goal {n}" : $"goal {n} ({goal.Metric}, {goal.Period})");
                    break;
                case "holidays":
                    parts.Add($"holiday {n}");
                    break;
                default:
                    parts.Add($"item {n}");
                    break;
            }
        }

        return parts.Count == 0 ? "the whole document" : string.Join(" › ", parts);
    }

    [GeneratedRegex(@"\.(?<name>[A-Za-z]+)|\[(?<index>\d+)\]")]
    private static partial Regex Step();
}
