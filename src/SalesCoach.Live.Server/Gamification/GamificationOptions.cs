using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SalesCoach.Live.Domain.Gamification;
using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Server.Gamification;

/// <summary>
/// Reads the <c>Gamification</c> configuration section (not under <c>Orleans:</c>, which Orleans reads itself):
/// <c>Attainment:Cap</c>, <c>Attainment:Weights:{metric}</c>, <c>HotHand:Count</c>, <c>HotHand:WindowMinutes</c>,
/// <c>HotHand:Metric</c>, and per badge rule <c>Badges:{ruleId}:Enabled|Name|Metric|Threshold|Before|Kind|Period</c>.
/// Anything not given keeps today's behaviour (<see cref="GamificationSettings.Default"/>). Every problem is listed in one
/// <see cref="InvalidOperationException"/>, so a bad setting stops start-up with the key and what is wrong.
/// </summary>
public static partial class GamificationOptions
{
    public const string SectionName = "Gamification";

    private static readonly string[] SectionKeys = ["Attainment", "HotHand", "Badges"];
    private static readonly string[] AttainmentKeys = ["Cap", "Weights"];
    private static readonly string[] HotHandKeys = ["Count", "WindowMinutes", "Metric"];
    private static readonly string[] BadgeKeys = ["Enabled", "Name", "Metric", "Threshold", "Before", "Kind", "Period"];

    /// <summary>The settings of <paramref name="configuration"/>; <paramref name="org"/> (when known) checks metric keys.</summary>
    public static GamificationSettings Read(IConfiguration configuration, Organization? org)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var problems = new List<string>();
        Unknown(section, SectionKeys, problems);

        var d = GamificationSettings.Default;
        var attainment = section.GetSection("Attainment");
        Unknown(attainment, AttainmentKeys, problems);
        var cap = Number(attainment, "Cap", d.Attainment.Cap, problems, v => v is >= 1 and <= 10, "a number from 1 to 10 (1.5 caps each goal at 150%)");
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var weight in attainment.GetSection("Weights").GetChildren())
        {
            Metric(weight.Key, weight.Path, org, problems);
            weights[weight.Key] = Number(weight, null, 1, problems, v => v is >= 0 and <= 100, "a weight from 0 (left out) to 100");
        }

        var hot = section.GetSection("HotHand");
        Unknown(hot, HotHandKeys, problems);
        var count = (int)Number(hot, "Count", d.HotHand.Count, problems, v => v is >= 2 and <= 1000 && v == Math.Floor(v), "a whole number of activities from 2 to 1000");
        var window = Number(hot, "WindowMinutes", d.HotHand.Window.TotalMinutes, problems, v => v is >= 1 and <= 1440, "minutes from 1 to 1440");
        var hotMetric = string.IsNullOrWhiteSpace(hot["Metric"]) ? d.HotHand.Metric : Metric(hot["Metric"]!, hot.GetSection("Metric").Path, org, problems);

        var badges = ReadBadges(section.GetSection("Badges"), org, problems);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                new StringBuilder("The gamification settings are not valid:").AppendJoin("", problems.Select(p => "\n  - " + p)).ToString());
        }

        return new GamificationSettings(new AttainmentSettings(weights, cap), new HotHand(count, TimeSpan.FromMinutes(window), hotMetric), badges);
    }

    private static List<BadgeRule> ReadBadges(IConfigurationSection section, Organization? org, List<string> problems)
    {
        var configured = section.GetChildren().ToDictionary(c => c.Key, StringComparer.Ordinal);
        var rules = new List<BadgeRule>();

        // The shipped rules first, in their order, each tuned or switched off; then rules of the configuration's own.
        foreach (var shipped in BadgeRules.Default)
        {
            if (!configured.Remove(shipped.Id, out var rule))
            {
                rules.Add(shipped);
            }
            else if (ReadBadge(rule, shipped, org, problems) is { } tuned)
            {
                rules.Add(tuned);
            }
        }

        foreach (var rule in configured.Values)
        {
            if (!RuleId().IsMatch(rule.Key))
            {
                problems.Add($"{rule.Path}: '{rule.Key}' cannot be a badge id: use 1 to 64 lower-case letters, digits and '-'");
                continue;
            }

            if (string.IsNullOrWhiteSpace(rule["Kind"]))
            {
                problems.Add($"{rule.Path}:Kind is required for a badge of your own (shipped: {string.Join(", ", BadgeRules.Default.Select(r => r.Id))}; kinds: {string.Join(", ", Enum.GetNames<BadgeKind>())})");
                continue;
            }

            if (ReadBadge(rule, null, org, problems) is { } added)
            {
                rules.Add(added);
            }
        }

        return rules;
    }

    private static BadgeRule? ReadBadge(IConfigurationSection rule, BadgeRule? shipped, Organization? org, List<string> problems)
    {
        var before = problems.Count;
        Unknown(rule, BadgeKeys, problems);
        var enabled = true;
        if (rule["Enabled"] is { } enabledText && !bool.TryParse(enabledText, out enabled))
        {
            problems.Add($"{rule.Path}:Enabled: '{enabledText}' is not true or false");
        }

        var kind = shipped?.Kind ?? BadgeKind.FirstOfDay;
        if (rule["Kind"] is { Length: > 0 } kindText)
        {
            if (!Enum.TryParse(kindText, ignoreCase: true, out kind) || !Enum.IsDefined(kind) || int.TryParse(kindText, out _))
            {
                problems.Add($"{rule.Path}:Kind: '{kindText}' is not one of {string.Join(", ", Enum.GetNames<BadgeKind>())}");
            }
            else if (shipped is not null && kind != shipped.Kind)
            {
                problems.Add($"{rule.Path}:Kind: a shipped badge keeps its kind ({shipped.Kind}); give a new id for a badge of your own");
            }
        }

        var period = shipped?.Period ?? (kind == BadgeKind.WeekCountReached ? BadgePeriod.Week : BadgePeriod.Day);
        if (rule["Period"] is { Length: > 0 } periodText && (!Enum.TryParse(periodText, ignoreCase: true, out period) || !Enum.IsDefined(period) || int.TryParse(periodText, out _)))
        {
            problems.Add($"{rule.Path}:Period: '{periodText}' is not Day or Week");
        }

        var name = rule["Name"] ?? shipped?.Name;
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
        {
            problems.Add($"{rule.Path}:Name: a badge needs a name of 1 to 100 characters");
        }

        var metric = string.IsNullOrWhiteSpace(rule["Metric"]) ? shipped?.Metric : Metric(rule["Metric"]!, rule.GetSection("Metric").Path, org, problems);
        if (metric is null && kind is BadgeKind.FirstOfDay or BadgeKind.WeekCountReached)
        {
            problems.Add($"{rule.Path}:Metric is required for a {kind} badge");
        }

        var threshold = (long)Number(rule, "Threshold", shipped?.Threshold ?? 0, problems, v => v is >= 1 and <= 1_000_000 && v == Math.Floor(v), "a whole count from 1 to 1000000");
        if (kind == BadgeKind.WeekCountReached && threshold < 1 && rule["Threshold"] is null)
        {
            problems.Add($"{rule.Path}:Threshold is required for a WeekCountReached badge");
        }

        var beforeTime = shipped?.Before;
        if (rule["Before"] is { Length: > 0 } beforeText)
        {
            if (TimeSpan.TryParseExact(beforeText, @"hh\:mm", CultureInfo.InvariantCulture, out var parsed) && parsed > TimeSpan.Zero && parsed < TimeSpan.FromDays(1))
            {
                beforeTime = parsed;
            }
            else
            {
                problems.Add($"{rule.Path}:Before: '{beforeText}' is not a local time from 00:01 to 23:59 (HH:mm)");
            }
        }

        if (problems.Count > before || !enabled)
        {
            return null;
        }

        return new BadgeRule(rule.Key, name!.Trim(), kind, period, metric, threshold, kind == BadgeKind.GoalMetBefore ? beforeTime ?? TimeSpan.FromHours(12) : beforeTime);
    }

    private static double Number(IConfigurationSection section, string? key, double fallback, List<string> problems, Func<double, bool> valid, string expected)
    {
        var text = key is null ? section.Value : section[key];
        var path = key is null ? section.Path : $"{section.Path}:{key}";
        if (text is null)
        {
            return fallback;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !valid(value))
        {
            problems.Add($"{path}: '{text}' is not {expected}");
            return fallback;
        }

        return value;
    }

    private static string Metric(string key, string path, Organization? org, List<string> problems)
    {
        if (org is not null && org.FindMetric(key) is null)
        {
            problems.Add($"{path}: '{key}' is not a metric of the org (metrics: {string.Join(", ", org.Metrics.Select(m => m.Key))})");
        }

        return key;
    }

    private static void Unknown(IConfigurationSection section, string[] known, List<string> problems)
    {
        foreach (var child in section.GetChildren())
        {
            if (!known.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"{child.Path}: unknown setting (known: {string.Join(", ", known)})");
            }
        }
    }

    [GeneratedRegex("^[a-z0-9-]{1,64}$")]
    private static partial Regex RuleId();
}
