using SalesCoach.Live.Abstractions.Teams;
using SalesCoach.Live.Server.Live;

namespace SalesCoach.Live.Server.Views.Floor;

/// <summary>
/// The live floor on this node: team grains for reads and acknowledgements (as <c>CoachingEndpoints</c> does), and
/// the node's <see cref="NodeLiveRelay"/> for pushes, so an open page costs an event handler, never a grain observer.
/// </summary>
public sealed class GrainLiveFloor(IGrainFactory grains, NodeLiveRelay relay, TimeProvider clock) : ILiveFloor
{
    /// <summary>The longest snooze a manager may pick, as the acknowledge endpoint allows (a week).</summary>
    public const int MaxSnoozeMinutes = 7 * 24 * 60;

    public event Action<string, string, object>? Pushed
    {
        add => relay.Pushed += value;
        remove => relay.Pushed -= value;
    }

    public async Task<LiveBoard> BoardAsync(string teamId) =>
        LiveBoard.From(await grains.GetGrain<ITeamGrain>(teamId).GetSnapshotAsync());

    public async Task<IReadOnlyList<QueueItem>> QueueAsync(string teamId) =>
        QueueItem.FromQueue(await grains.GetGrain<ITeamGrain>(teamId).GetCoachingAsync());

    public Task<bool> AcknowledgeAsync(string teamId, string repId, int? snoozeMinutes)
    {
        if (snoozeMinutes is < 1 or > MaxSnoozeMinutes)
        {
            throw new ArgumentOutOfRangeException(nameof(snoozeMinutes), snoozeMinutes, "a snooze lasts 1 minute to a week");
        }

        DateTimeOffset? until = snoozeMinutes is { } minutes ? clock.GetUtcNow().AddMinutes(minutes) : null;
        return grains.GetGrain<ITeamGrain>(teamId).AcknowledgeAsync(repId, until);
    }
}
