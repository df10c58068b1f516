namespace SalesCoach.Live.Server.Integrations;

/// <summary>
/// The answer of <c>POST /api/webhooks/dead-letters/replay?source=</c>: how many open dead letters were tried, how many
/// went through (now replayed) and how many are still open, with the activities recorded; <see cref="More"/> is true
/// when open letters were left for another call (over the <c>limit</c>).
/// </summary>
public sealed record ReplayAllResult(
    string Source,
    int Tried,
    int Replayed,
    int StillOpen,
    int Accepted,
    int Duplicates,
    int Filtered,
    bool More,
    IReadOnlyList<ReplayFailure> Failures);
