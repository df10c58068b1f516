using BenchmarkDotNet.Attributes;
using SalesCoach.Live.Domain.Boards;
using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Benchmarks;

/// <summary>Building and ranking one team's board of 1,000 reps, as a team grain does at every flush.</summary>
[MemoryDiagnoser]
public class BoardBenchmarks
{
    private Organization _org = null!;
    private Team _team = null!;
    private Dictionary<string, RepLedger> _ledgers = null!;
    private List<BoardRow> _rows = null!;

    [Params(1000)]
    public int Reps { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _org = BenchmarkOrg.Create(Reps);
        _team = _org.Teams[0];
        _ledgers = BenchmarkOrg.Ledgers(_team);
        _rows = [.. BoardBuilder.Build(_team, _org.Metrics, rep => _ledgers.GetValueOrDefault(rep.Id), BenchmarkOrg.At).Reps];

        // Ranking input in an order unrelated to the ranking.
        _rows.Reverse();
    }

    /// <summary>The whole board: progress of four periods, period sums of 3 metrics per rep, pacing, ranking, team totals.</summary>
    [Benchmark]
    public Board Build() => BoardBuilder.Build(_team, _org.Metrics, rep => _ledgers.GetValueOrDefault(rep.Id), BenchmarkOrg.At);

    /// <summary>Ranking alone: score descending, then name, then id.</summary>
    [Benchmark]
    public IReadOnlyList<BoardRow> Rank() => BoardBuilder.Rank(_rows);
}
