using System.Globalization;
using System.Text.Json;

namespace SalesCoach.Live.Server.Tests.Cluster;

/// <summary>
/// The org of a cluster test: teams <c>t1..tN</c> with reps <c>t1-r1..</c>, working around the clock, in a fixed-offset
/// zone where it is about noon while the test runs, so every activity of the test falls on the same local day whatever
/// the hour. Metrics: <c>call</c> (with a day goal) and <c>probe</c> (no goal; only the failover probes post it).
/// </summary>
public sealed class ClusterOrg
{
    public ClusterOrg(int teams, int repsPerTeam)
    {
        // Etc/GMT-N is UTC+N (the sign is inverted in these IANA names); offsets run from -12 to +14.
        var offset = Math.Clamp(12 - DateTime.UtcNow.Hour, -12, 14);
        TimeZone = offset == 0 ? "Etc/UTC" : $"Etc/GMT{(offset > 0 ? "-" : "+")}{Math.Abs(offset)}";
        Teams = [.. Enumerable.Range(1, teams).Select(t => $"t{t}")];
        Reps = Teams.ToDictionary(t => t, t => (IReadOnlyList<string>)[.. Enumerable.Range(1, repsPerTeam).Select(r => $"{t}-r{r}")]);
    }

    public string TimeZone { get; }

    public IReadOnlyList<string> Teams { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Reps { get; }

    public string Json => JsonSerializer.Serialize(new
    {
        metrics = new object[]
        {
            new { key = "call", name = "Calls", points = 1 },
            new { key = "probe", name = "Probes", points = 1 },
        },
        teams = Teams.Select(team => new
        {
            id = team,
            name = "Team " + team,
            timeZone = TimeZone,
            workingHours = new { days = new[] { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" }, start = "00:00", end = "24:00" },
            goals = new[] { new { metric = "call", period = "day", target = 1000 } },
            reps = Reps[team].Select(rep => new { id = rep, name = "Rep " + rep }),
        }),
    });

    /// <summary>An activity as the ingest endpoint takes it, stamped a moment ago.</summary>
    public static Dictionary<string, object?> Activity(string id, string repId, string type = "call") => new()
    {
        ["id"] = id,
        ["repId"] = repId,
        ["type"] = type,
        ["occurredAt"] = DateTimeOffset.UtcNow.AddSeconds(-1).ToString("O", CultureInfo.InvariantCulture),
    };
}
