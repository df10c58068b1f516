namespace SalesCoach.Live.Storage.Postgres;

/// <summary>
/// A row numbered in a transaction was not inserted because another transaction stored the same id first (possible
/// only when one id is sent for two reps at once). The numbering would have a hole, so the transaction is rolled
/// back and tried again; the second try sees the id as a duplicate.
/// </summary>
internal sealed class RepSeqRaceException(string repId) : Exception($"RepSeq numbering of rep '{repId}' raced with another writer.");
