namespace SalesCoach.Live.Storage.GroupCommit;

/// <summary>
/// Runs an initialisation (schema creation) once, on first use. Unlike <see cref="Lazy{T}"/> it tries again after a
/// failure, so a database that was down when the server started does not leave the store broken for good.
/// </summary>
internal sealed class InitializationGate(Func<CancellationToken, Task> initialize) : IDisposable
{
    private readonly SemaphoreSlim mutex = new(1, 1);
    private volatile bool done;

    public async ValueTask EnsureAsync(CancellationToken cancellationToken)
    {
        if (done)
        {
            return;
        }

        await mutex.WaitAsync(cancellationToken);
        try
        {
            if (!done)
            {
                await initialize(cancellationToken);
                done = true;
            }
        }
        finally
        {
            mutex.Release();
        }
    }

    public void Dispose() => mutex.Dispose();
}
