namespace SalesCoach.Live.Storage.Activities;

/// <summary>
/// The checks every store makes before queueing a batch. The API validates the contract's rules; these only keep
/// a programming error (a null, an empty key) from failing a whole group commit shared with other callers.
/// </summary>
internal static class BatchGuard
{
    public static void Check(IReadOnlyList<ActivityToAppend> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        for (var i = 0; i < batch.Count; i++)
        {
            var activity = batch[i] ?? throw new ArgumentException($"Activity [{i}] is null.", nameof(batch));
            if (string.IsNullOrEmpty(activity.Id))
            {
                throw new ArgumentException($"Activity [{i}] has no Id.", nameof(batch));
            }

            if (string.IsNullOrEmpty(activity.RepId))
            {
                throw new ArgumentException($"Activity [{i}] ('{activity.Id}') has no RepId.", nameof(batch));
            }

            if (string.IsNullOrEmpty(activity.Type))
            {
                throw new ArgumentException($"Activity [{i}] ('{activity.Id}') has no Type.", nameof(batch));
            }
        }
    }
}
