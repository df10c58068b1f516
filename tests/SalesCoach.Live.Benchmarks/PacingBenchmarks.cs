using BenchmarkDotNet.Attributes;
using SalesCoach.Live.Domain.Calendar;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Domain.Pacing;

namespace SalesCoach.Live.Benchmarks;

/// <summary>The pacing formulas and the working-calendar progress they need.</summary>
[MemoryDiagnoser]
public class PacingBenchmarks
{
    private WorkingCalendar _calendar = null!;
    private PeriodProgress _dayProgress;
    private PeriodProgress _quarterProgress;

    [GlobalSetup]
    public void Setup()
    {
        _calendar = BenchmarkOrg.Create(1).Teams[0].Calendar;
        _dayProgress = _calendar.Progress(GoalPeriod.Day, BenchmarkOrg.At);
        _quarterProgress = _calendar.Progress(GoalPeriod.Quarter, BenchmarkOrg.At);
    }

    /// <summary>One goal's figures (day), from progress already computed.</summary>
    [Benchmark]
    public PaceFigures EvaluateDay() => Pace.Evaluate(60, 41, _dayProgress);

    /// <summary>One goal's figures (quarter), from progress already computed.</summary>
    [Benchmark]
    public PaceFigures EvaluateQuarter() => Pace.Evaluate(12, 7, _quarterProgress);

    /// <summary>Working time of the day so far: one working window.</summary>
    [Benchmark]
    public PeriodProgress ProgressDay() => _calendar.Progress(GoalPeriod.Day, BenchmarkOrg.At);

    /// <summary>Working time of the quarter so far: about 92 days walked, with time-zone rules and holidays.</summary>
    [Benchmark]
    public PeriodProgress ProgressQuarter() => _calendar.Progress(GoalPeriod.Quarter, BenchmarkOrg.At);

    /// <summary>Progress for the quarter and then its figures, as a cold read would do it.</summary>
    [Benchmark]
    public PaceFigures ProgressAndEvaluateQuarter() => Pace.Evaluate(12, 7, _calendar.Progress(GoalPeriod.Quarter, BenchmarkOrg.At));
}
