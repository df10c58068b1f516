namespace SalesCoach.Live.Server.Views.Floor;

/// <summary>
/// The order of the team grid: by rank (the board's own order), by name, by score, or by one metric. A metric sorts by
/// pace (actual over expected; a rep who has not started or has no goal sorts as the slowest), then by actual.
/// </summary>
public sealed record GridSort(string Column, bool Descending)
{
    public const string Rank = "rank";
    public const string Name = "name";
    public const string Score = "score";

    public static GridSort Default { get; } = new(Rank, false);

    /// <summary>The sort after a click on <paramref name="column"/>: the same column flips, another starts in its natural direction.</summary>
    public GridSort Toggle(string column) =>
        column == Column ? this with { Descending = !Descending } : new GridSort(column, column is not (Rank or Name));

    public IReadOnlyList<RepLine> Order(IEnumerable<RepLine> reps)
    {
        IOrderedEnumerable<RepLine> ordered = Column switch
        {
            Rank => Descending ? reps.OrderByDescending(r => r.Rank) : reps.OrderBy(r => r.Rank),
            Name => Descending
                ? reps.OrderByDescending(r => r.Name, StringComparer.InvariantCultureIgnoreCase)
                : reps.OrderBy(r => r.Name, StringComparer.InvariantCultureIgnoreCase),
            Score => Descending ? reps.OrderByDescending(r => r.Score) : reps.OrderBy(r => r.Score),
            _ => Descending
                ? reps.OrderByDescending(r => PaceOf(r)).ThenByDescending(r => ActualOf(r))
                : reps.OrderBy(r => PaceOf(r)).ThenBy(r => ActualOf(r)),
        };
        return ordered.ThenBy(r => r.Rank).ToList();
    }

    private double PaceOf(RepLine rep) => rep.Metrics.TryGetValue(Column, out var cell) && cell.PaceRatio is { } ratio ? ratio : -1;

    private double ActualOf(RepLine rep) => rep.Metrics.TryGetValue(Column, out var cell) ? cell.Actual : -1;
}
