namespace SalesCoach.Live.Domain.Gamification;

/// <summary>One rep on a scorecard. <see cref="Value"/> is what the board is ranked by; attainment is null while nothing is due.</summary>
public sealed record ScorecardRow(string RepId, string Name, int Rank, double Value, long Points, double? Attainment, IReadOnlyDictionary<string, long> Counts);
