using System.Collections.Concurrent;
using System.Text.Json;
using SalesCoach.Live.Abstractions.Boards;
using SalesCoach.Live.Abstractions.Coaching;
using SalesCoach.Live.Abstractions.Gamification;
using SalesCoach.Live.Abstractions.Json;
using SalesCoach.Live.Abstractions.Live;
using SalesCoach.Live.Abstractions.Teams;

namespace SalesCoach.Live.Grains.Tests.Infrastructure;

/// <summary>
/// A node relay that keeps every push it receives as the contract JSON a node would send (serialised as the node's
/// relay does), so tests can assert what the team grains sent.
/// </summary>
public sealed class RecordingRelay : ILiveRelay
{
    private readonly ConcurrentQueue<RelayPush> _pushes = new();

    public IReadOnlyList<RelayPush> Pushes => [.. _pushes];

    public Task OnDeltaAsync(string teamId, BoardDelta delta) =>
        Record(teamId, RelayPush.Delta, ContractJson.ToElement(delta, ContractJson.Context.BoardDelta));

    public Task OnCelebrationAsync(string teamId, Celebration celebration) =>
        Record(teamId, RelayPush.Celebration, ContractJson.ToElement(celebration, ContractJson.Context.Celebration));

    public Task OnCoachingAsync(string teamId, IReadOnlyList<CoachingQueueItem> queue) =>
        Record(teamId, RelayPush.Coaching, ContractJson.ToElement(queue, ContractJson.Context.IReadOnlyListCoachingQueueItem));

    public Task OnMomentAsync(string teamId, TeamMoment moment) =>
        Record(teamId, RelayPush.Moment, ContractJson.ToElement(moment, ContractJson.Context.TeamMoment));

    /// <summary>The pushes of one kind for one team, in the order they arrived.</summary>
    public IReadOnlyList<JsonElement> Of(string teamId, string kind) =>
        [.. _pushes.Where(p => p.TeamId == teamId && p.Kind == kind).Select(p => p.Json)];

    /// <summary>Waits (real time) until a push of the kind for the team matches, and returns it.</summary>
    public async Task<JsonElement> WaitForAsync(string teamId, string kind, Func<JsonElement, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            foreach (var json in Of(teamId, kind))
            {
                if (match(json))
                {
                    return json;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No matching {kind} for team '{teamId}' arrived; received: {Describe(teamId, kind)}");
            }

            await Task.Delay(20);
        }
    }

    private string Describe(string teamId, string kind) =>
        string.Join(Environment.NewLine, Of(teamId, kind).Select(j => j.GetRawText()));

    private Task Record(string teamId, string kind, JsonElement json)
    {
        _pushes.Enqueue(new RelayPush(teamId, kind, json));
        return Task.CompletedTask;
    }
}
