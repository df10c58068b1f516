using System.Text.Json;
using SalesCoach.Live.Grains.Tests.Infrastructure;
using static SalesCoach.Live.Grains.Tests.Infrastructure.TestActivity;

namespace SalesCoach.Live.Grains.Tests.Coaching;

/// <summary>The team grain keeps the coaching queue live: it flags, pushes, and respects acknowledgements.</summary>
[Collection(ClusterCollection.Name)]
public sealed class LiveCoachingTests(GrainCluster cluster)
{
    [Fact]
    public async Task An_idle_rep_enters_the_queue_and_an_acknowledgement_keeps_it_quiet_until_it_gets_worse()
    {
        // Tuesday 10:30 in Berlin; Ida's only call was at 09:10: 80 working minutes ago.
        var now = cluster.StartFreshWeek(TestOrg.Emea, DayOfWeek.Tuesday, TimeSpan.FromHours(10.5));
        await cluster.IngestAsync(Call("ida", now.AddMinutes(-80)));
        var team = cluster.Team(TestOrg.Emea);

        var item = Item(await team.GetCoachingAsync(), "ida");
        Assert.NotNull(item);
        Assert.Contains(item.Value.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "idle");
        var priority = item.Value.GetProperty("priority").GetInt32();
        await cluster.Relay.WaitForAsync(TestOrg.Emea, RelayPush.Coaching, q => Item(q, "ida") is not null);

        Assert.True(await team.AcknowledgeAsync("ida", snoozeUntil: null));
        Assert.Null(Item(await team.GetCoachingAsync(), "ida"));

        // The acknowledgement is kept in grain storage: a reactivated team grain still keeps the item quiet.
        await cluster.DeactivateAsync(team);
        Assert.Null(Item(await cluster.Team(TestOrg.Emea).GetCoachingAsync(), "ida"));

        // Two more idle hours: idle is at full severity and the day goal is now well behind: worse, so back.
        cluster.MoveClockTo(now.AddHours(2));
        var back = Item(await team.GetCoachingAsync(), "ida");
        Assert.NotNull(back);
        Assert.True(back.Value.GetProperty("priority").GetInt32() >= priority + 10);
    }

    [Fact]
    public async Task A_rep_who_is_not_in_the_queue_cannot_be_acknowledged()
    {
        // Monday 08:00: nothing of the week or the day has gone, so nobody is behind and nobody idle yet.
        cluster.StartFreshWeek(TestOrg.Emea, DayOfWeek.Monday, TimeSpan.FromHours(8));

        Assert.False(await cluster.Team(TestOrg.Emea).AcknowledgeAsync("anna", snoozeUntil: null));
    }

    private static JsonElement? Item(IReadOnlyList<Abstractions.Coaching.CoachingQueueItem> queue, string repId) =>
        Item(JsonDocument.Parse(Abstractions.Json.ContractJson.Serialize(queue)).RootElement, repId);

    private static JsonElement? Item(JsonElement queue, string repId) =>
        queue.EnumerateArray().Where(i => i.GetProperty("repId").GetString() == repId).Select(i => (JsonElement?)i.Clone()).FirstOrDefault();
}
