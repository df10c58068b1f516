using Microsoft.AspNetCore.SignalR;

namespace SalesCoach.Live.Server.Wallboard;

/// <summary>
/// The hub connections on this node that authenticated with a board token: which token and board, and which teams
/// they subscribed to. Lets the node close the connections of a revoked token and take a TV out of the groups of
/// teams its board no longer shows.
/// </summary>
public sealed class BoardConnections
{
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>Starts tracking a connection.</summary>
    public void Add(HubCallerContext context, string boardId, string tokenId)
    {
        ArgumentNullException.ThrowIfNull(context);
        lock (gate)
        {
            entries[context.ConnectionId] = new Entry(context, boardId, tokenId, new HashSet<string>(StringComparer.Ordinal));
        }
    }

    /// <summary>Stops tracking a connection.</summary>
    public void Remove(string connectionId)
    {
        lock (gate)
        {
            entries.Remove(connectionId);
        }
    }

    /// <summary>Notes a team the connection subscribed to.</summary>
    public void Subscribed(string connectionId, string teamId)
    {
        lock (gate)
        {
            if (entries.TryGetValue(connectionId, out var entry))
            {
                entry.Teams.Add(teamId);
            }
        }
    }

    /// <summary>Notes a team the connection left.</summary>
    public void Unsubscribed(string connectionId, string teamId)
    {
        lock (gate)
        {
            if (entries.TryGetValue(connectionId, out var entry))
            {
                entry.Teams.Remove(teamId);
            }
        }
    }

    /// <summary>The token ids with a connection here.</summary>
    public IReadOnlyList<string> TokenIds()
    {
        lock (gate)
        {
            return entries.Values.Select(e => e.TokenId).Distinct(StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>The connections of the given tokens, no longer tracked from now on.</summary>
    public IReadOnlyList<(HubCallerContext Context, string BoardId, string TokenId)> TakeTokens(IReadOnlySet<string> tokenIds)
    {
        lock (gate)
        {
            var taken = entries.Values.Where(e => tokenIds.Contains(e.TokenId)).ToList();
            foreach (var entry in taken)
            {
                entries.Remove(entry.Context.ConnectionId);
            }

            return [.. taken.Select(e => (e.Context, e.BoardId, e.TokenId))];
        }
    }

    /// <summary>
    /// The subscriptions of a board's connections to teams the board no longer shows; they are forgotten here, and
    /// the caller removes the connections from those teams' groups.
    /// </summary>
    public IReadOnlyList<(string ConnectionId, string TeamId)> TakeStraySubscriptions(string boardId, IReadOnlyCollection<string> teams)
    {
        lock (gate)
        {
            var stray = new List<(string, string)>();
            foreach (var entry in entries.Values.Where(e => e.BoardId == boardId))
            {
                foreach (var team in entry.Teams.Where(t => !teams.Contains(t)).ToList())
                {
                    entry.Teams.Remove(team);
                    stray.Add((entry.Context.ConnectionId, team));
                }
            }

            return stray;
        }
    }

    private sealed record Entry(HubCallerContext Context, string BoardId, string TokenId, HashSet<string> Teams);
}
