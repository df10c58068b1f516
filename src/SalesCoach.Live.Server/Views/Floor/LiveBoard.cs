using SalesCoach.Live.Abstractions.Boards;

namespace SalesCoach.Live.Server.Views.Floor;

/// <summary>
/// A team's board as a view holds it: a <see cref="LiveBoardClient"/> (the version rule, written once) fed with the
/// team grain's snapshot and the deltas the node's relay raises, and the rows as the views show them.
/// </summary>
public sealed class LiveBoard
{
    private readonly LiveBoardClient _client = new();
    private readonly Dictionary<RepRow, RepLine> _lines = new(ReferenceEqualityComparer.Instance);

    private LiveBoard(BoardSnapshot snapshot)
    {
        _client.ApplySnapshot(snapshot);
        TeamId = snapshot.TeamId;
        TeamName = snapshot.TeamName;
        MetricDefs = [.. snapshot.MetricDefs.Select(MetricDef.From)];
        Refresh();
    }

    public string TeamId { get; }

    public string TeamName { get; }

    public long Version => Board.Version;

    /// <summary>The instant the figures are as of, in the team's offset.</summary>
    public DateTimeOffset AsOf => Board.AsOf;

    public IReadOnlyList<MetricDef> MetricDefs { get; }

    /// <summary>The rows in board order (rank).</summary>
    public IReadOnlyList<RepLine> Reps { get; private set; } = [];

    public TeamLine Team { get; private set; } = null!;

    /// <summary>The rep ids of the rows the last applied delta changed (for a brief highlight).</summary>
    public IReadOnlySet<string> LastChanged => _client.LastChanged;

    private BoardSnapshot Board => _client.Board!;

    /// <summary>A board read from the team grain (or a test).</summary>
    public static LiveBoard From(BoardSnapshot snapshot) => new(snapshot);

    /// <summary>Applies a pushed delta by the version rule; on <see cref="DeltaOutcome.Gap"/> read the snapshot again.</summary>
    public DeltaOutcome Apply(BoardDelta delta)
    {
        var outcome = _client.Apply(delta);
        if (outcome == DeltaOutcome.Applied)
        {
            Refresh();
        }

        return outcome;
    }

    /// <summary>The row of a rep, or null.</summary>
    public RepLine? Find(string repId) => Reps.FirstOrDefault(r => r.RepId == repId);

    /// <summary>The display name of a metric key.</summary>
    public string MetricName(string key) => MetricDefs.FirstOrDefault(m => m.Key == key)?.Name ?? key;

    private void Refresh()
    {
        // Rows a delta did not change are the same records: their view lines are kept.
        var lines = Board.Reps.Select(r => _lines.TryGetValue(r, out var line) ? (r, line) : (r, RepLine.From(r))).ToList();
        _lines.Clear();
        foreach (var (row, line) in lines)
        {
            _lines[row] = line;
        }

        Reps = [.. lines.Select(l => l.Item2)];
        Team = TeamLine.From(Board.Team);
    }
}
