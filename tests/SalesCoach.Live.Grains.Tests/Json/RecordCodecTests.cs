using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using SalesCoach.Live.Abstractions.Coaching;
using SalesCoach.Live.Abstractions.Json;
using SalesCoach.Live.Domain.Coaching;
using BoardSnapshot = SalesCoach.Live.Abstractions.Boards.BoardSnapshot;

namespace SalesCoach.Live.Grains.Tests.Json;

/// <summary>The records cross silos: Orleans' serializer carries them (domain enums included) without loss.</summary>
public sealed class RecordCodecTests
{
    private static readonly Serializer Serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    [Fact]
    public void A_board_round_trips_through_the_orleans_serializer()
    {
        var snapshot = BoardSnapshot.From(ContractJsonCases.BuiltBoard(), 7);
        var copy = Serializer.Deserialize<BoardSnapshot>(Serializer.SerializeToArray(snapshot))!;
        Assert.Equal(ContractJson.Serialize(snapshot), ContractJson.Serialize(copy));
        Assert.Equal(snapshot.Reps, copy.Reps);
    }

    [Fact]
    public void A_coaching_queue_round_trips_through_the_orleans_serializer()
    {
        var queue = CoachingQueueItem.Queue([new CoachingItem("kate", "Kate", 50, "call", [new CoachingReason(ReasonCodes.TrendDown, "down", "call", 0.5)], "calls")], _ => DateTimeOffset.UnixEpoch);
        var copy = Serializer.Deserialize<CoachingQueueItem[]>(Serializer.SerializeToArray(queue.ToArray()))!;
        Assert.Equal(ContractJson.Serialize(queue), ContractJson.Serialize(copy));
    }
}
