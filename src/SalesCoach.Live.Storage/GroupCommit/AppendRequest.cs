using SalesCoach.Live.Storage.Activities;

namespace SalesCoach.Live.Storage.GroupCommit;

/// <summary>One caller's batch waiting for the writer loop, and the task that caller awaits.</summary>
internal sealed class AppendRequest(IReadOnlyList<ActivityToAppend> batch, CancellationToken cancellationToken)
{
    public IReadOnlyList<ActivityToAppend> Batch { get; } = batch;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    // Continuations must not run on the writer loop: a slow caller would otherwise stall every later commit.
    public TaskCompletionSource<AppendResult> Completion { get; } =
        new(TaskCreationOptions.RunContinuationsAsynchronously);
}
