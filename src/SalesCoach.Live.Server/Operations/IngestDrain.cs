namespace SalesCoach.Live.Server.Operations;

/// <summary>
/// The gate ingest passes on a node: counts the batches being written and dispatched, and once the node is stopping
/// lets no new batch in (the caller answers 503 with <c>Retry-After</c> and the client sends the batch to another
/// node), so the stop can wait for exactly the batches in flight before the silo hands its grains over.
/// </summary>
public sealed class IngestDrain
{
    private readonly Lock _gate = new();
    private TaskCompletionSource? _idle;
    private int _inFlight;

    /// <summary>True once the node began to stop.</summary>
    public bool IsStopping { get; private set; }

    /// <summary>Batches being written or dispatched now.</summary>
    public int InFlight
    {
        get
        {
            lock (_gate)
            {
                return _inFlight;
            }
        }
    }

    /// <summary>Lets a batch in, unless the node is stopping; dispose the lease when the batch is answered.</summary>
    public bool TryEnter(out IDisposable lease)
    {
        lock (_gate)
        {
            if (IsStopping)
            {
                lease = Lease.None;
                return false;
            }

            _inFlight++;
            lease = new Lease(this);
            return true;
        }
    }

    /// <summary>From now on no batch gets in.</summary>
    public void BeginStopping()
    {
        lock (_gate)
        {
            IsStopping = true;
        }
    }

    /// <summary>Completes when no batch is in flight (at once if none is).</summary>
    public Task WhenIdleAsync()
    {
        lock (_gate)
        {
            if (_inFlight == 0)
            {
                return Task.CompletedTask;
            }

            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task;
        }
    }

    private void Leave()
    {
        TaskCompletionSource? idle = null;
        lock (_gate)
        {
            if (--_inFlight == 0)
            {
                idle = _idle;
                _idle = null;
            }
        }

        idle?.TrySetResult();
    }

    private sealed class Lease(IngestDrain? drain) : IDisposable
    {
        public static readonly Lease None = new(null);

        private int _disposed;

        public void Dispose()
        {
            if (drain is not null && Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                drain.Leave();
            }
        }
    }
}
