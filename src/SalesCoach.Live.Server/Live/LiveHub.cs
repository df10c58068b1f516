using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using SalesCoach.Live.Abstractions.Teams;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Security;

namespace SalesCoach.Live.Server.Live;

/// <summary>
/// The live hub at <c>/hubs/live</c> (contract section 6). A client subscribes to a team and gets a <c>snapshot</c>,
/// then <c>delta</c> and <c>celebration</c> messages through its node's relay. A client that sees a version gap
/// subscribes again for a fresh snapshot; until its first snapshot it ignores deltas.
/// </summary>
[Authorize(Policy = SecurityExtensions.ReadPolicy)]
public sealed class LiveHub(Organization org, IGrainFactory grains) : Hub
{
    public const string Path = "/hubs/live";

    public static string TeamGroup(string teamId) => "team:" + teamId;

    /// <summary>The group of a team's coaching-queue watchers (managers), apart from the TVs.</summary>
    public static string CoachingGroup(string teamId) => "coaching:" + teamId;

    public async Task SubscribeTeam(string teamId)
    {
        if (org.FindTeam(teamId) is null)
        {
            throw new HubException($"Unknown team '{teamId}'.");
        }

        // Join first, then read the snapshot: a delta racing the snapshot is either older (ignored by version) or
        // newer (applied on top), so nothing falls between the two.
        await Groups.AddToGroupAsync(Context.ConnectionId, TeamGroup(teamId));
        var snapshot = await grains.GetGrain<ITeamGrain>(teamId).GetSnapshotAsync();
        using var document = JsonDocument.Parse(snapshot.Json);
        await Clients.Caller.SendAsync("snapshot", document.RootElement.Clone());
    }

    public Task Unsubscribe(string teamId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, TeamGroup(teamId));
}