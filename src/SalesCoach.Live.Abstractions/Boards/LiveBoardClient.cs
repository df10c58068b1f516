namespace SalesCoach.Live.Abstractions.Boards;

/// <summary>What a <see cref="LiveBoardClient"/> did with a delta.</summary>
public enum DeltaOutcome
{
    /// <summary>The delta followed the board's version and is now part of it.</summary>
    Applied,

    /// <summary>No snapshot yet (or one is awaited after a gap): the delta is ignored; the snapshot will cover it.</summary>
    NoSnapshot,

    /// <summary>The delta was not newer than the board (it raced the snapshot, or came twice): nothing changed.</summary>
    Stale,

    /// <summary>A delta between the board and this one was lost: the client needs a fresh snapshot (ask for it).</summary>
    Gap,

    /// <summary>The delta belongs to another team.</summary>
    OtherTeam,
}

/// <summary>
/// A live board as a client holds it: a snapshot, then the deltas on top, by the contract's version rule (the one C#
/// place it is written; the wallboard's <c>board-store.ts</c> follows this one). Ignore deltas before the first snapshot
/// and those whose <c>version</c> is not newer; apply one whose <c>fromVersion</c> is the board's version; on any other
/// (a gap) ask for a snapshot and ignore deltas until it comes. Used by the Blazor views and the load generator. Not
/// thread-safe: one caller at a time (a circuit's dispatcher, a hub connection's callbacks).
/// </summary>
public sealed class LiveBoardClient
{
    private bool _awaitingSnapshot = true;

    /// <summary>The board with every applied delta; null before the first snapshot.</summary>
    public BoardSnapshot? Board { get; private set; }

    /// <summary>The board's version, or null while no snapshot is held or one is awaited after a gap.</summary>
    public long? Version => _awaitingSnapshot ? null : Board?.Version;

    /// <summary>The rep ids of the rows the last applied delta changed (for a brief highlight).</summary>
    public IReadOnlySet<string> LastChanged { get; private set; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The rule alone: what a client at <paramref name="current"/> (null: no snapshot) does with a delta.</summary>
    public static DeltaOutcome Decide(long? current, long version, long fromVersion) =>
        current is not { } at ? DeltaOutcome.NoSnapshot
        : version <= at ? DeltaOutcome.Stale
        : fromVersion == at ? DeltaOutcome.Applied
        : DeltaOutcome.Gap;

    /// <summary>Takes a whole board (the hub's <c>snapshot</c>, or a read from the team grain); it replaces what was held.</summary>
    public void ApplySnapshot(BoardSnapshot snapshot)
    {
        Board = snapshot;
        _awaitingSnapshot = false;
        LastChanged = new HashSet<string>(StringComparer.Ordinal);
    }

    /// <summary>
    /// Applies a delta by the rule: changed rows replace theirs (new ones are added), rows stay in rank order, and the
    /// team part and <c>asOf</c> are replaced. After <see cref="DeltaOutcome.Gap"/> deltas are ignored until the next
    /// snapshot.
    /// </summary>
    public DeltaOutcome Apply(BoardDelta delta)
    {
        if (Board is { } held && delta.TeamId != held.TeamId)
        {
            return DeltaOutcome.OtherTeam;
        }

        var outcome = Decide(Version, delta.Version, delta.FromVersion);
        if (outcome == DeltaOutcome.Gap)
        {
            _awaitingSnapshot = true;
        }

        if (outcome != DeltaOutcome.Applied)
        {
            return outcome;
        }

        var board = Board!;
        var reps = board.Reps.ToList();
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in delta.Reps)
        {
            changed.Add(row.RepId);
            var at = reps.FindIndex(r => r.RepId == row.RepId);
            if (at >= 0)
            {
                reps[at] = row;
            }
            else
            {
                reps.Add(row);
            }
        }

        // Ranks move with the scores: keep the rows in rank order, as the snapshot has them (stable for equal ranks).
        Board = board with { Version = delta.Version, AsOf = delta.AsOf, Reps = [.. reps.OrderBy(r => r.Rank)], Team = delta.Team };
        LastChanged = changed;
        return outcome;
    }
}
