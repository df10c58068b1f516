using BenchmarkDotNet.Attributes;
using SalesCoach.Live.Abstractions.Boards;
using SalesCoach.Live.Domain.Boards;

namespace SalesCoach.Live.Benchmarks;

/// <summary>The contract JSON a team grain writes: every row of a 1,000-rep board, deltas, the whole snapshot.</summary>
[MemoryDiagnoser]
public class JsonBenchmarks
{
    private Board _board = null!;
    private byte[][] _rowJson = null!;
    private byte[] _teamJson = null!;

    [GlobalSetup]
    public void Setup()
    {
        var org = BenchmarkOrg.Create(1000);
        var team = org.Teams[0];
        var ledgers = BenchmarkOrg.Ledgers(team);
        _board = BoardBuilder.Build(team, org.Metrics, rep => ledgers.GetValueOrDefault(rep.Id), BenchmarkOrg.At);
        _rowJson = [.. _board.Reps.Select(BoardJson.Row)];
        _teamJson = BoardJson.Team(_board.Team);
    }

    /// <summary><c>BoardJson.Row</c> for all 1,000 rows (the team grain serialises every row to diff it).</summary>
    [Benchmark]
    public int Rows1000()
    {
        var bytes = 0;
        foreach (var row in _board.Reps)
        {
            bytes += BoardJson.Row(row).Length;
        }

        return bytes;
    }

    /// <summary>A delta of 20 changed rows (rows already serialised) and the team object.</summary>
    [Benchmark]
    public byte[] Delta20Rows() => BoardJson.Delta("bench", 43, 42, _board.AsOf, _rowJson.Take(20), _teamJson);

    /// <summary>A delta in which all 1,000 rows changed.</summary>
    [Benchmark]
    public byte[] Delta1000Rows() => BoardJson.Delta("bench", 43, 42, _board.AsOf, _rowJson, _teamJson);

    /// <summary>The whole snapshot from rows already serialised.</summary>
    [Benchmark]
    public byte[] Snapshot1000Rows() => BoardJson.Snapshot(_board, 42, _rowJson, _teamJson);
}
