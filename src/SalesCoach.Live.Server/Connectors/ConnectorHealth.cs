using SalesCoach.Live.Storage.Connectors;

namespace SalesCoach.Live.Server.Connectors;

/// <summary>Which enabled connectors have been failing (no success since a failure) for longer than
/// <see cref="ConnectorSettings.FailingAfter"/> (15 minutes): <c>/healthz</c> then says <c>degraded</c>.</summary>
public sealed class ConnectorHealth(IEnumerable<IConnectorSource> sources, IConnectorStore store, ConnectorSettings settings, TimeProvider time)
{
    public async Task<IReadOnlyList<string>> FailingAsync(CancellationToken cancellationToken)
    {
        var failing = new List<string>();
        foreach (var source in sources.Where(s => s.Options.Enabled))
        {
            var state = await store.GetStateAsync(source.Name, cancellationToken);
            if (state.FailingSince is { } since && time.GetUtcNow() - since > settings.FailingAfter)
            {
                failing.Add(source.Name);
            }
        }

        return failing;
    }
}
