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

    private readonly Dictionary<string, Waiting> byCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (DateTimeOffset WindowStart, int Count)> asks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> codeByConnection = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>How many TVs wait.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return byCode.Count;
            }
        }
    }

    /// <summary>
    /// Counts an ask for a code; when the connection asked too often this minute, returns the code it has (to be
    /// shown again instead of a new one), so that a misbehaving client cannot churn the store.
    /// </summary>
    public Waiting? Throttle(string connectionId, DateTimeOffset now)
    {
        lock (gate)
        {
            var (windowStart, count) = asks.GetValueOrDefault(connectionId, (now, 0));
            if (now - windowStart >= TimeSpan.FromMinutes(1))
            {
                (windowStart, count) = (now, 0);
            }

            asks[connectionId] = (windowStart, count + 1);
            return count >= MaxCodesPerMinute && codeByConnection.TryGetValue(connectionId, out var code) ? byCode[code] : null;
        }
    }

    /// <summary>Records a connection's new code; returns the code it replaces, if any.</summary>
    public string? Add(string connectionId, string code, string token, DateTimeOffset expiresAt)
    {
        lock (gate)
        {
            var previous = codeByConnection.GetValueOrDefault(connectionId);
            if (previous is not null)
            {
                byCode.Remove(previous);
            }

            byCode[code] = new Waiting(code, connectionId, token, expiresAt);
            codeByConnection[connectionId] = code;
            return previous;
        }
    }

    /// <summary>Forgets a connection that went away; returns its code, if it had one.</summary>
    public string? RemoveConnection(string connectionId)
    {
        lock (gate)
        {
            asks.Remove(connectionId);
            if (!codeByConnection.Remove(connectionId, out var code))
            {
                return null;
            }

            byCode.Remove(code);
            return code;
        }
    }

    /// <summary>Takes a code out (it was claimed and is being delivered); null when it no longer waits here.</summary>
    public Waiting? Take(string code)
    {
        lock (gate)
        {
            if (!byCode.Remove(code, out var waiting))
            {
                return null;
            }

            codeByConnection.Remove(waiting.ConnectionId);
            return waiting;
        }
    }

    /// <summary>The codes waiting now; expired ones are dropped (their TVs ask for new ones) and returned apart.</summary>
    public (IReadOnlyList<string> Waiting, IReadOnlyList<string> Expired) Codes(DateTimeOffset now)
    {
        lock (gate)
        {
            var expired = byCode.Values.Where(w => w.ExpiresAt <= now).Select(w => w.Code).ToList();
            foreach (var code in expired)
            {
                codeByConnection.Remove(byCode[code].ConnectionId);
                byCode.Remove(code);
            }

            return ([.. byCode.Keys], expired);
        }
    }

    /// <summary>One waiting TV.</summary>
    /// <param name="Code">The code it shows.</param>
    /// <param name="ConnectionId">Its hub connection.</param>
    /// <param name="Token">The token it gets when the code is claimed.</param>
    /// <param name="ExpiresAt">When the code expires.</param>
    public sealed record Waiting(string Code, string ConnectionId, string Token, DateTimeOffset ExpiresAt);
}
