using System.Security.Cryptography;
using System.Text;
using SalesCoach.Live.Abstractions.Accounts;

namespace SalesCoach.Live.Server.Security;

/// <summary>
/// This node's view of the API keys created at run time (<see cref="IApiKeyDirectoryGrain"/>): hashes only, refreshed
/// from the grain when older than <see cref="MaxAge"/>, and at once on this node when a key is created or revoked
/// here. So a key revoked on another node stops working within <see cref="MaxAge"/>.
/// </summary>
public sealed class StoredApiKeys(IGrainFactory grains, TimeProvider clock, ILogger<StoredApiKeys> logger)
{
    /// <summary>How stale this node's copy may get.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile Snapshot _snapshot = Snapshot.Empty;

    /// <summary>The SHA-256 hash (lower-case hex) under which a key is kept.</summary>
    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>
    /// The name and granted scopes (<see cref="ApiKeyScopes.Granted"/>) of the live (not revoked) key matching
    /// <paramref name="presented"/>, or null.
    /// </summary>
    public async Task<(string Name, IReadOnlySet<string> Scopes)?> FindAsync(string presented, CancellationToken cancellationToken)
    {
        var keys = await CurrentAsync(cancellationToken);
        var hash = Encoding.ASCII.GetBytes(HashOf(presented));
        (string, IReadOnlySet<string>)? found = null;
        foreach (var (key, keyHash, scopes) in keys)
        {
            // Compared in constant time against every key, like the configured keys.
            if (CryptographicOperations.FixedTimeEquals(keyHash, hash) && key.RevokedAt is null)
            {
                found = (key.Name, scopes);
            }
        }

        return found;
    }

    /// <summary>Forgets this node's copy, so the next look-up reads the grain.</summary>
    public void Invalidate() => _snapshot = Snapshot.Empty;

    private async Task<(StoredApiKey Key, byte[] Hash, IReadOnlySet<string> Scopes)[]> CurrentAsync(CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (clock.GetUtcNow() - snapshot.ReadAt < MaxAge)
        {
            return snapshot.Keys;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            snapshot = _snapshot;
            if (clock.GetUtcNow() - snapshot.ReadAt < MaxAge)
            {
                return snapshot.Keys;
            }

            var keys = (await grains.GetGrain<IApiKeyDirectoryGrain>(0).ListAsync())
                .Select(k => (k, Encoding.ASCII.GetBytes(k.Hash), ApiKeyScopes.Granted(k.Scopes)))
                .ToArray();
            _snapshot = new Snapshot(keys, clock.GetUtcNow());
            return keys;
        }
        catch (Exception e) when (e is not OperationCanceledException && snapshot.Keys.Length > 0)
        {
            // The cluster is busy or failing over: keep answering from the last copy rather than refusing every key.
            logger.LogWarning(e, "Could not refresh the stored API keys; using the copy read at {ReadAt}", snapshot.ReadAt);
            return snapshot.Keys;
        }
        finally
        {
            _refresh.Release();
        }
    }

    // Each key with its hash as bytes and its granted scopes, worked out once per refresh rather than once per look-up.
    private sealed record Snapshot((StoredApiKey Key, byte[] Hash, IReadOnlySet<string> Scopes)[] Keys, DateTimeOffset ReadAt)
    {
        public static readonly Snapshot Empty = new([], DateTimeOffset.MinValue);
    }
}
