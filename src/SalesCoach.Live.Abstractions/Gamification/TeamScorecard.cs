using SalesCoach.Live.Domain.Gamification;
using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Abstractions.Gamification;

/// <summary>One rep on a scorecard: value and attainment to four decimals, points, and the counts per metric.</summary>
public sealed record ScorecardLine(string RepId, string Name, int Rank, double Value, long Points, double? Attainment, IReadOnlyDictionary<string, long> Counts);

/// <summary>A team's scorecard over a period (<c>GET /api/teams/{teamId}/scorecard</c>), ranked by <see cref="By"/>.</summary>
public sealed record TeamScorecard(
    string TeamId,
    string TeamName,
    GoalPeriod Period,
    DateOnly From,
    DateOnly To,
    string By,
    DateTimeOffset AsOf,
    double PerRep,
    IReadOnlyList<ScorecardLine> Reps)
{
    public static TeamScorecard Of(Scorecard card, string basisName) => new(
        card.TeamId,
        card.TeamName,
        card.Period,
        card.Range.First,
        card.Range.Last,
        basisName,
        card.AsOf,
        Math.Round(card.PerRep, 4),
        [.. card.Reps.Select(r => new ScorecardLine(
            r.RepId, r.Name, r.Rank, Math.Round(r.Value, 4), r.Points, r.Attainment is { } a ? Math.Round(a, 4) : null, r.Counts))]);
}
