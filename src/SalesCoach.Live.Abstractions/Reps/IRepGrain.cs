namespace SalesCoach.Live.Abstractions.Reps;

/// <summary>
/// One rep's live state, keyed by rep id: day totals per metric, rebuilt from the activity log on activation.
/// Applies accepted activities in <c>RepSeq</c> order and reloads from the log when it sees a gap.
/// </summary>
public interface IRepGrain : IGrainWithStringKey
{
    /// <summary>Applies activities the log accepted for this rep (any order; already-applied ones are skipped).</summary>
    Task ApplyAsync(LoggedActivityMessage[] activities);

    /// <summary>
    /// Folds in whatever the log has that this grain has not applied (waking the grain if needed). One-way, so a team
    /// grain can ask without waiting on a rep that will call it back.
    /// </summary>
    [OneWay]
    Task CatchUpAsync();

    /// <summary>The highest <c>RepSeq</c> folded into this grain's state.</summary>
    Task<long> GetAppliedRepSeqAsync();
}
