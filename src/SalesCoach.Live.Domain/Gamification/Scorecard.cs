using SalesCoach.Live.Domain.Calendar;
using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Domain.Gamification;

/// <summary>A team's leaderboard for one period at one instant, ranked by <see cref="Basis"/>.</summary>
/// <param name="Metric">The metric ranked by when <see cref="Basis"/> is <see cref="ScoreBasis.Metric"/>.</param>
/// <param name="PerRep">The team's figure normalised per rep (mean of the reps' values), for team-vs-team.</param>
public sealed record Scorecard(string TeamId, string TeamName, GoalPeriod Period, PeriodRange Range, ScoreBasis Basis, string? Metric, DateTimeOffset AsOf, IReadOnlyList<ScorecardRow> Reps, double PerRep);
