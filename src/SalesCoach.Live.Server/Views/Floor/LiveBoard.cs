using System.Globalization;
using System.Text.Json;

namespace SalesCoach.Live.Server.Views.Floor;

/// <summary>
/// A team's board as a view holds it: read once from the team grain's snapshot, then kept current by the deltas the
/// node's relay raises, by the hub's rule (architecture.md): ignore a delta whose <c>version</c> is not newer, apply
/// one whose <c>fromVersion</c> is the board's version, and ask for a new snapshot on any other (a gap).
/// </summary>
public sealed class LiveBoard
{
    private readonly List<RepLine> _reps;

    private LiveBoard(string teamId, string teamName, long version, DateTimeOffset asOf, IReadOnlyList<MetricDef> metricDefs, List<RepLine> reps, TeamLine team)
    {
        TeamId = teamId;
        TeamName = teamName;
        Version = version;
        AsOf = asOf;
        MetricDefs = metricDefs;
        _reps = reps;
        Team = team;
    }

    public string TeamId { get; }

    public string TeamName { get; }

    public long Version { get; private set; }

    /// <summary>The instant the figures are as of, in the team's offset.</summary>
    public DateTimeOffset AsOf { get; private set; }

    public IReadOnlyList<MetricDef> MetricDefs { get; }

    /// <summary>The rows in board order (rank).</summary>
    public IReadOnlyList<RepLine> Reps => _reps;

    public TeamLine Team { get; private set; }

    /// <summary>The rep ids of the rows the last applied delta changed (for a brief highlight).</summary>
    public IReadOnlySet<string> LastChanged { get; private set; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Reads a snapshot (the whole board JSON of contract section 5).</summary>
    public static LiveBoard Read(JsonElement snapshot)
    {
        var defs = snapshot.TryGetProperty("metricDefs", out var d) && d.ValueKind == JsonValueKind.Array
            ? d.EnumerateArray().Select(MetricDef.Read).ToList()
            : [];
        return new LiveBoard(
            snapshot.GetProperty("teamId").GetString()!,
            snapshot.TryGetProperty("teamName", out var n) ? n.GetString() ?? "" : "",
            snapshot.GetProperty("version").GetInt64(),
            ReadInstant(snapshot),
            defs,
            snapshot.GetProperty("reps").EnumerateArray().Select(RepLine.Read).ToList(),
            TeamLine.Read(snapshot.GetProperty("team")));
    }

    /// <summary>Reads a snapshot from its UTF-8 bytes.</summary>
    public static LiveBoard Read(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        return Read(document.RootElement);
    }

    /// <summary>Applies a <c>delta</c> message: changed rows replace theirs in place, the team part is replaced whole.</summary>
    public DeltaOutcome Apply(JsonElement delta)
    {
        if (delta.GetProperty("teamId").GetString() != TeamId)
        {
            return DeltaOutcome.OtherTeam;
        }

        var version = delta.GetProperty("version").GetInt64();
        if (version <= Version)
        {
            return DeltaOutcome.Stale;
        }

        if (delta.GetProperty("fromVersion").GetInt64() != Version)
        {
            return DeltaOutcome.Gap;
        }

        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in delta.GetProperty("reps").EnumerateArray())
        {
            var row = RepLine.Read(element);
            changed.Add(row.RepId);
            var at = _reps.FindIndex(r => r.RepId == row.RepId);
            if (at >= 0)
            {
                _reps[at] = row;
            }
            else
            {
                _reps.Add(row);
            }
        }

        // Ranks move with the scores: keep the rows in rank order, as the snapshot has them.
        _reps.Sort((a, b) => a.Rank.CompareTo(b.Rank));
        if (delta.TryGetProperty("team", out var team) && team.ValueKind == JsonValueKind.Object)
        {
            Team = TeamLine.Read(team);
        }

        if (delta.TryGetProperty("asOf", out _))
        {
            AsOf = ReadInstant(delta);
        }

        Version = version;
        LastChanged = changed;
        return DeltaOutcome.Applied;
    }

    /// <summary>The row of a rep, or null.</summary>
    public RepLine? Find(string repId) => _reps.Find(r => r.RepId == repId);

    /// <summary>The display name of a metric key.</summary>
    public string MetricName(string key) => MetricDefs.FirstOrDefault(m => m.Key == key)?.Name ?? key;

    private static DateTimeOffset ReadInstant(JsonElement e) =>
        e.TryGetProperty("asOf", out var a) && a.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(a.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            ? instant
            : DateTimeOffset.MinValue;
}
