using System.Text.Json;
using SalesCoach.Live.Server.Views.Floor;

namespace SalesCoach.Live.Views.Tests.Infrastructure;

/// <summary>
/// The live floor as the views see it, played by the test: boards and queues it was given, every acknowledgement
/// recorded, and pushes raised on demand (as the node's relay raises them).
/// </summary>
public sealed class RecordingFloor : ILiveFloor
{
    public Dictionary<string, Func<LiveBoard>> Boards { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, IReadOnlyList<QueueItem>> Queues { get; } = new(StringComparer.Ordinal);

    public List<(string TeamId, string RepId, int? SnoozeMinutes)> Acknowledged { get; } = [];

    public int BoardReads { get; private set; }

    public event Action<string, string, JsonElement>? Pushed;

    public bool HasListeners => Pushed is not null;

    public Task<LiveBoard> BoardAsync(string teamId)
    {
        BoardReads++;
        return Task.FromResult(Boards[teamId]());
    }

    public Task<IReadOnlyList<QueueItem>> QueueAsync(string teamId) =>
        Task.FromResult(Queues.GetValueOrDefault(teamId) ?? []);

    public Task<bool> AcknowledgeAsync(string teamId, string repId, int? snoozeMinutes)
    {
        Acknowledged.Add((teamId, repId, snoozeMinutes));
        return Task.FromResult(Queues.GetValueOrDefault(teamId)?.Any(i => i.RepId == repId) == true);
    }

    public void Push(string teamId, string message, JsonElement payload) => Pushed?.Invoke(teamId, message, payload);
}
