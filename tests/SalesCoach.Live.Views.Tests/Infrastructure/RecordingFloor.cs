using System.Text.Json;
using SalesCoach.Live.Abstractions.Json;
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

    public event Action<string, string, object>? Pushed;

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

    /// <summary>Raises a push as the node's relay does: the record (contract JSON given by a test is read into one first).</summary>
    public void Push(string teamId, string message, object payload) =>
        Pushed?.Invoke(teamId, message, payload is JsonElement json ? Read(message, json) : payload);

    private static object Read(string message, JsonElement json) => message switch
    {
        "delta" => ContractJson.Deserialize(json, ContractJson.Context.BoardDelta),
        "coaching" => ContractJson.Deserialize(json, ContractJson.Context.IReadOnlyListCoachingQueueItem),
        "celebration" => ContractJson.Deserialize(json, ContractJson.Context.Celebration),
        "moment" => ContractJson.Deserialize(json, ContractJson.Context.TeamMoment),
        _ => throw new ArgumentOutOfRangeException(nameof(message), message, "not a push of the relay"),
    };
}
