using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using SalesCoach.Live.Abstractions.Json;
using SalesCoach.Live.Abstractions.Teams;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Accounts;
using SalesCoach.Live.Server.Security;
using SalesCoach.Live.Server.Wallboard;

namespace SalesCoach.Live.Server.Live;

/// <summary>
/// The live hub at <c>/hubs/live</c> (contract section 6). A client subscribes to a team and gets a <c>snapshot</c>,
/// then <c>delta</c> and <c>celebration</c> messages through its node's relay. A client that sees a version gap
/// subscribes again for a fresh snapshot; until its first snapshot it ignores deltas.
/// </summary>
/// <remarks>
/// Callers: an API key with the <c>read</c> scope sees every team; a signed-in person the teams
/// <see cref="TeamAccess"/> gives them (a manager their teams, a rep their own); a board token sees its board's teams only
/// (<see cref="SubscribeTeam"/> fails with a <see cref="HubException"/> for any other); a TV waiting to be paired
/// connects without credentials (with <c>?pairing=1</c>) and may only call <see cref="StartPairing"/>, then receives
/// <c>paired</c>. A TV on a board calls <see cref="OpenWallboard"/> and receives <c>wallboardConfig</c> whenever its
/// board changes, and <c>revoked</c> when its token is revoked.
/// </remarks>
[Authorize(Policy = SecurityExtensions.LiveHubPolicy)]
public sealed class LiveHub(
    Organization org,
    IGrainFactory grains,
    WallboardDirectory wallboards,
    PairingDesk pairingDesk,
    BoardConnections boardConnections,
    TeamAccess access,
    TimeProvider time) : Hub
{
    public const string Path = "/hubs/live";

    public static string TeamGroup(string teamId) => "team:" + teamId;

    /// <summary>The group of a team's coaching-queue watchers (managers), apart from the TVs.</summary>
    public static string CoachingGroup(string teamId) => "coaching:" + teamId;

    /// <summary>The group of the connections that show a board.</summary>
    public static string WallboardGroup(string boardId) => "wallboard:" + boardId;

    public override Task OnConnectedAsync()
    {
        if (BoardClaims.BoardOf(Context.User) is { } boardId && BoardClaims.TokenOf(Context.User) is { } tokenId)
        {
            boardConnections.Add(Context, boardId, tokenId);
        }

        return base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        boardConnections.Remove(Context.ConnectionId);
        await pairingDesk.LeaveAsync(Context.ConnectionId, wallboards.Store);

        await base.OnDisconnectedAsync(exception);
    }

    public async Task SubscribeTeam(string teamId)
    {
        await VisibleTeamAsync(teamId);
        if (BoardClaims.BoardOf(Context.User) is not null)
        {
            boardConnections.Subscribed(Context.ConnectionId, teamId);
        }

        // Join first, then read the snapshot: a delta racing the snapshot is either older (ignored by version) or
        // newer (applied on top), so nothing falls between the two.
        await Groups.AddToGroupAsync(Context.ConnectionId, TeamGroup(teamId));
        var snapshot = await grains.GetGrain<ITeamGrain>(teamId).GetSnapshotAsync();
        await Clients.Caller.SendAsync("snapshot", ContractJson.ToElement(snapshot, ContractJson.Context.BoardSnapshot));
    }

    /// <summary>
    /// Subscribes to a team's coaching queue: sends <c>coaching</c> (the whole queue, as
    /// <c>GET /api/teams/{teamId}/coaching</c>) now and whenever it changes. For managers' screens: board tokens may not.
    /// </summary>
    public async Task SubscribeCoaching(string teamId)
    {
        EnsureReader();
        if (BoardClaims.BoardOf(Context.User) is not null)
        {
            throw new HubException("A board token cannot watch the coaching queue.");
        }

        if (org.FindTeam(teamId) is null)
        {
            throw new HubException($"Unknown team '{teamId}'.");
        }

        if (!access.CanReadCoaching(Context.User!, teamId))
        {
            throw new HubException($"Your account may not watch the coaching queue of team '{teamId}'.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, CoachingGroup(teamId));
        var queue = await grains.GetGrain<ITeamGrain>(teamId).GetCoachingAsync();
        await Clients.Caller.SendAsync("coaching", ContractJson.ToElement(queue, ContractJson.Context.IReadOnlyListCoachingQueueItem));
    }

    /// <summary>
    /// The team's contests a wallboard shows (running, starting today, ended today), each with its standings and rule
    /// changes, as <c>GET /api/competitions/{id}</c> answers them. Standings are scored from the log on every call, so
    /// the TV asks when its board changes and while it shows them.
    /// </summary>
    public async Task<JsonElement> GetCompetitions(string teamId)
    {
        var team = await VisibleTeamAsync(teamId);
        var contests = await Gamification.CompetitionShowcase.ReadAsync(grains, team, time.GetUtcNow());
        return ContractJson.ToElement(contests, ContractJson.Context.IReadOnlyListContestSnapshot);
    }

    /// <summary>Today's moments of a team, as <c>GET /api/teams/{teamId}/moments</c>; later ones come as <c>moment</c>.</summary>
    public async Task<JsonElement> GetMoments(string teamId)
    {
        var team = await VisibleTeamAsync(teamId);
        var feed = await grains.GetGrain<Abstractions.Gamification.ITeamGamificationGrain>(team.Id).GetMomentsAsync();
        return ContractJson.ToElement(feed, ContractJson.Context.MomentsFeed);
    }

    public Task UnsubscribeCoaching(string teamId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, CoachingGroup(teamId));

    public Task Unsubscribe(string teamId)
    {
        EnsureReader();
        boardConnections.Unsubscribed(Context.ConnectionId, teamId);
        return Groups.RemoveFromGroupAsync(Context.ConnectionId, TeamGroup(teamId));
    }

    /// <summary>
    /// Opens a board: returns its definition and sends <c>wallboardConfig</c> again whenever it changes. A board token
    /// opens its own board (pass null); an API key with the <c>read</c> scope names the board.
    /// </summary>
    public async Task<WallboardConfig> OpenWallboard(string? boardId)
    {
        EnsureReader();
        var own = BoardClaims.BoardOf(Context.User);
        if (own is not null && boardId is not null && boardId != own)
        {
            throw new HubException("This screen's token belongs to another board.");
        }

        var id = own ?? boardId ?? throw new HubException("Name the board to open.");
        var board = await wallboards.FindAsync(id, Context.ConnectionAborted) ?? throw new HubException($"Unknown board '{id}'.");
        if (AccountClaims.IsPerson(Context.User) && !board.Teams.All(t => access.CanCoachTeam(Context.User!, t)))
        {
            throw new HubException($"Your account may not open board '{id}'.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, WallboardGroup(board.Id));
        return WallboardConfig.Of(board);
    }

    /// <summary>
    /// Gives a TV without a token a pairing code to show (a new one at each call; the previous one stops working).
    /// When an admin claims it for a board, the TV receives <c>paired</c> with its board token.
    /// </summary>
    public async Task<PairingCodeMessage> StartPairing()
    {
        var (code, refusal) = await pairingDesk.StartAsync(Context.ConnectionId, wallboards.Store, time.GetUtcNow(), Context.ConnectionAborted);
        return code ?? throw new HubException(refusal);
    }

    /// <summary>
    /// A team this connection may see, as for <see cref="SubscribeTeam"/> (a board token: its board's teams; a person: the
    /// teams their account gives them), or a <see cref="HubException"/>.
    /// </summary>
    private async Task<Team> VisibleTeamAsync(string teamId)
    {
        EnsureReader();
        var team = org.FindTeam(teamId) ?? throw new HubException($"Unknown team '{teamId}'.");
        if (BoardClaims.BoardOf(Context.User) is { } boardId)
        {
            if (!(await wallboards.TeamsOfAsync(boardId, Context.ConnectionAborted)).Contains(teamId, StringComparer.Ordinal))
            {
                throw new HubException($"This board may not show team '{teamId}'.");
            }
        }
        else if (AccountClaims.IsPerson(Context.User) && !access.CanSeeTeam(Context.User!, teamId))
        {
            throw new HubException($"Your account may not see team '{teamId}'.");
        }

        return team;
    }

    // A pairing connection has no scope at all; everything but StartPairing needs read.
    private void EnsureReader()
    {
        if (Context.User?.HasClaim(ApiKeyScopes.ClaimType, ApiKeyScopes.Read) != true)
        {
            throw new HubException("This connection may only pair a screen: connect with a board token or a read key.");
        }
    }
}
