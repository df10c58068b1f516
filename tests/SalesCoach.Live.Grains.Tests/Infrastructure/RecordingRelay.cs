using System.Collections.Concurrent;
using System.Text.Json;
using SalesCoach.Live.Abstractions.Live;

namespace SalesCoach.Live.Grains.Tests.Infrastructure;

/// <summary>A node relay that keeps every push it receives, so tests can assert what the team grains sent.</summary>
public sealed class RecordingRelay : ILiveRelay
{
    private readonly ConcurrentQueue<RelayPush> _pushes = new();

    public IReadOnlyList<RelayPush> Pushes => [.. _pushes];

    public Task OnDeltaAsync(string teamId, byte[] deltaJson) => Record(teamId, RelayPush.Delta, deltaJson);

    public Task OnCelebrationAsync(string teamId, byte[] celebrationJson) => Record(teamId, RelayPush.Celebration, celebrationJson);

    public Task OnCoachingAsync(string teamId, byte[] queueJson) => Record(teamId, RelayPush.Coaching, queueJson);

    public Task OnMomentAsync(string teamId, byte[] momentJson) => Record(teamId, RelayPush.Moment, momentJson);

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

    private Task Record(string teamId, string kind, byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        _pushes.Enqueue(new RelayPush(teamId, kind, document.RootElement.Clone()));
        return Task.CompletedTask;
    }
}
