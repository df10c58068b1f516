using BenchmarkDotNet.Attributes;
using SalesCoach.Live.Abstractions.Boards;
using SalesCoach.Live.Abstractions.Json;
using SalesCoach.Live.Domain.Boards;

namespace SalesCoach.Live.Benchmarks;

/// <summary>
/// The records a team grain keeps and the contract JSON a node's relay writes: every row of a 1,000-rep board turned
/// into records and compared (the grain's change detection), deltas and the whole snapshot serialised.
/// </summary>
[MemoryDiagnoser]
public class JsonBenchmarks
{
    private Board _board = null!;
    private RepRow[] _rows = null!;
    private TeamRow _team = null!;

    [GlobalSetup]
    public void Setup()
    {
        var org = BenchmarkOrg.Create(1000);
        var team = org.Teams[0];
        var ledgers = BenchmarkOrg.Ledgers(team);
        _board = BoardBuilder.Build(team, org.Metrics, rep => ledgers.GetValueOrDefault(rep.Id), BenchmarkOrg.At);
        _rows = [.. _board.Reps.Select(RepRow.From)];
        _team = TeamRow.From(_board.Team);
    }

    /// <summary><c>RepRow.From</c> and a value comparison for all 1,000 rows (the team grain's diff at every flush).</summary>
    [Benchmark]
    public int Rows1000()
    {
        var changed = 0;
        for (var i = 0; i < _board.Reps.Count; i++)
        {
            if (!RepRow.From(_board.Reps[i]).Equals(_rows[i]))
            {
                changed++;
            }
        }

        return changed;
    }

    /// <summary>A delta of 20 changed rows and the team object.</summary>
    [Benchmark]
    public byte[] Delta20Rows() => ContractJson.Serialize(new BoardDelta("bench", 43, 42, _board.AsOf, _rows[..20], _team));

    /// <summary>A delta in which all 1,000 rows changed.</summary>
    [Benchmark]
    public byte[] Delta1000Rows() => ContractJson.Serialize(new BoardDelta("bench", 43, 42, _board.AsOf, _rows, _team));

    /// <summary>The whole snapshot from rows already converted.</summary>
    [Benchmark]
    public byte[] Snapshot1000Rows() => ContractJson.Serialize(BoardSnapshot.Of(_board, 42, _rows, _team));
}
