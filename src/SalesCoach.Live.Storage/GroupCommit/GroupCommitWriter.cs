using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SalesCoach.Live.Storage.Activities;

namespace SalesCoach.Live.Storage.GroupCommit;

/// <summary>
/// Funnels every append through one loop that takes all requests waiting at that moment and hands them to
/// <c>writeGroup</c> to be written in a single transaction. One durable commit (one fsync) then serves many callers,
/// which is what makes durable ingest fast.
/// </summary>
/// <remarks>
/// <c>writeGroup</c> returns one result per request, in order, and must either commit all of them or none.
/// When a group fails, each of its requests is retried alone, so one bad request fails only its own caller.
/// </remarks>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    // Bounded so that callers feel back-pressure instead of queueing without limit when the disk is slower than
    // the network.
    private const int QueueCapacity = 4096;

    private readonly Channel<AppendRequest> queue = Channel.CreateBounded<AppendRequest>(
        new BoundedChannelOptions(QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly Func<IReadOnlyList<AppendRequest>, Task<AppendResult[]>> writeGroup;
    private readonly int maxActivitiesPerGroup;
    private readonly string ownerName;
    private readonly ILogger logger;
    private readonly Task loop;

    public GroupCommitWriter(
        Func<IReadOnlyList<AppendRequest>, Task<AppendResult[]>> writeGroup,
        int maxActivitiesPerGroup,
        string ownerName,
        ILogger logger)
    {
        this.writeGroup = writeGroup;
        this.maxActivitiesPerGroup = maxActivitiesPerGroup;
        this.ownerName = ownerName;
        this.logger = logger;
        loop = Task.Run(RunAsync);
    }

    public async Task<AppendResult> AppendAsync(IReadOnlyList<ActivityToAppend> batch, CancellationToken cancellationToken)
    {
        var request = new AppendRequest(batch, cancellationToken);
        try
        {
            await queue.Writer.WriteAsync(request, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            throw new ObjectDisposedException(ownerName);
        }

        // Once queued, the request is written even if the caller gives up: it may already be in the open
        // transaction, and appends are idempotent, so a retry by the caller is harmless.
        return await request.Completion.Task;
    }

    /// <summary>Stops taking requests, writes those already queued, and waits for the loop to finish.</summary>
    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await loop;
    }

    private async Task RunAsync()
    {
        var reader = queue.Reader;
        var group = new List<AppendRequest>();
        while (await reader.WaitToReadAsync())
        {
            group.Clear();
            var activities = 0;
            while (activities < maxActivitiesPerGroup && reader.TryRead(out var request))
            {
                if (request.CancellationToken.IsCancellationRequested)
                {
                    request.Completion.TrySetCanceled(request.CancellationToken);
                    continue;
                }

                group.Add(request);
                activities += request.Batch.Count;
            }

            if (group.Count > 0)
            {
                await WriteAsync(group);
            }
        }
    }

    private async Task WriteAsync(List<AppendRequest> group)
    {
        try
        {
            var results = await writeGroup(group);
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Completion.TrySetResult(results[i]);
            }

            return;
        }
        catch (Exception ex) when (group.Count > 1)
        {
            logger.LogWarning(ex, "{Owner}: a group of {Count} appends failed; retrying each append alone", ownerName, group.Count);
        }
        catch (Exception ex)
        {
            group[0].Completion.TrySetException(ex);
            return;
        }

        foreach (var request in group)
        {
            try
            {
                var results = await writeGroup([request]);
                request.Completion.TrySetResult(results[0]);
            }
            catch (Exception ex)
            {
                request.Completion.TrySetException(ex);
            }
        }
    }
}
