using SalesCoach.Live.Storage.Wallboards;

namespace SalesCoach.Live.Server.Wallboard;

/// <summary>
/// The TVs waiting on this node to be paired: per hub connection, its current code and the token it will receive.
/// The token lives only here, in memory, until it is handed over; the store holds its hash.
/// </summary>
public sealed class PairingDesk
{
    /// <summary>At most this many TVs wait on one node at once.</summary>
    public const int MaxWaiting = 1_000;

    /// <summary>A connection gets at most this many codes a minute; more asks get the code it has.</summary>
    public const int MaxCodesPerMinute = 10;

    private readonly Dictionary<string, Waiting> _byCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (DateTimeOffset WindowStart, int Count)> _asks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _codeByConnection = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>
    /// Gives the TV on <paramref name="connectionId"/> a code to show (a new one at each call; the previous one stops
    /// working), with the pairing's rules: at most <see cref="MaxWaiting"/> TVs wait, a connection that asks too often
    /// gets the code it has, and the store holds the code with the hash of the token the TV will receive.
    /// Answers the code, or why there is none.
    /// </summary>
    public async Task<(PairingCodeMessage? Code, string? Refusal)> StartAsync(string connectionId, IWallboardStore store, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (Count >= MaxWaiting)
        {
            return (null, "Too many screens are waiting to be paired; try again in a few minutes.");
        }

        if (Throttle(connectionId, now) is { } current)
        {
            return (new PairingCodeMessage(current.Code, current.ExpiresAt, (int)(current.ExpiresAt - now).TotalSeconds), null);
        }

        var token = BoardTokenFormat.NewToken();
        var expiresAt = now + PairingCodes.Lifetime;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var code = PairingCodes.New();
            if (!await store.AddPairingAsync(code, BoardTokenFormat.Hash(token), expiresAt, cancellationToken))
            {
                continue;
            }

            if (Add(connectionId, code, token, expiresAt) is { } previous)
            {
                await store.RemovePairingsAsync([previous], cancellationToken);
            }

            return (new PairingCodeMessage(code, expiresAt, (int)PairingCodes.Lifetime.TotalSeconds), null);
        }

        return (null, "No free pairing code was found; try again.");
    }

    /// <summary>Forgets a connection that went away, and its code in the store (best effort: a code expires by itself).</summary>
    public async Task LeaveAsync(string connectionId, IWallboardStore store)
    {
        if (RemoveConnection(connectionId) is { } code)
        {
            try
            {
                await store.RemovePairingsAsync([code]);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The code expires by itself.
            }
        }
    }

    /// <summary>How many TVs wait.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byCode.Count;
            }
        }
    }

    /// <summary>
    /// Counts an ask for a code; when the connection asked too often this minute, returns the code it has (to be
    /// shown again instead of a new one), so that a misbehaving client cannot churn the store.
    /// </summary>
    public Waiting? Throttle(string connectionId, DateTimeOffset now)
    {
        lock (_gate)
        {
            var (windowStart, count) = _asks.GetValueOrDefault(connectionId, (now, 0));
            if (now - windowStart >= TimeSpan.FromMinutes(1))
            {
                (windowStart, count) = (now, 0);
            }

            _asks[connectionId] = (windowStart, count + 1);
            return count >= MaxCodesPerMinute && _codeByConnection.TryGetValue(connectionId, out var code) ? _byCode[code] : null;
        }
    }

    /// <summary>Records a connection's new code; returns the code it replaces, if any.</summary>
    public string? Add(string connectionId, string code, string token, DateTimeOffset expiresAt)
    {
        lock (_gate)
        {
            var previous = _codeByConnection.GetValueOrDefault(connectionId);
            if (previous is not null)
            {
                _byCode.Remove(previous);
            }

            _byCode[code] = new Waiting(code, connectionId, token, expiresAt);
            _codeByConnection[connectionId] = code;
            return previous;
        }
    }

    /// <summary>Forgets a connection that went away; returns its code, if it had one.</summary>
    public string? RemoveConnection(string connectionId)
    {
        lock (_gate)
        {
            _asks.Remove(connectionId);
            if (!_codeByConnection.Remove(connectionId, out var code))
            {
                return null;
            }

            _byCode.Remove(code);
            return code;
        }
    }

    /// <summary>Takes a code out (it was claimed and is being delivered); null when it no longer waits here.</summary>
    public Waiting? Take(string code)
    {
        lock (_gate)
        {
            if (!_byCode.Remove(code, out var waiting))
            {
                return null;
            }

            _codeByConnection.Remove(waiting.ConnectionId);
            return waiting;
        }
    }

    /// <summary>The codes waiting now; expired ones are dropped (their TVs ask for new ones) and returned apart.</summary>
    public (IReadOnlyList<string> Waiting, IReadOnlyList<string> Expired) Codes(DateTimeOffset now)
    {
        lock (_gate)
        {
            var expired = _byCode.Values.Where(w => w.ExpiresAt <= now).Select(w => w.Code).ToList();
            foreach (var code in expired)
            {
                _codeByConnection.Remove(_byCode[code].ConnectionId);
                _byCode.Remove(code);
            }

            return ([.. _byCode.Keys], expired);
        }
    }

    /// <summary>One waiting TV.</summary>
    /// <param name="Code">The code it shows.</param>
    /// <param name="ConnectionId">Its hub connection.</param>
    /// <param name="Token">The token it gets when the code is claimed.</param>
    /// <param name="ExpiresAt">When the code expires.</param>
    public sealed record Waiting(string Code, string ConnectionId, string Token, DateTimeOffset ExpiresAt);
}
