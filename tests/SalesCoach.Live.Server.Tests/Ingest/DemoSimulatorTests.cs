using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SalesCoach.Live.Abstractions.Ingest;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Demo;
using SalesCoach.Live.Server.Ingest;

namespace SalesCoach.Live.Server.Tests.Ingest;

/// <summary>The demo edge: the simulator draws typed activities (no JSON) that the ingest rules accept.</summary>
public sealed class DemoSimulatorTests
{
    [Fact]
    public void The_simulator_draws_typed_activities_the_rules_accept_and_the_same_ones_again_for_the_same_slots()
    {
        var org = DemoOrg.Create();
        var now = new DateTimeOffset(2026, 11, 26, 16, 0, 0, TimeSpan.Zero);
        // Pipeline unused: Draw only draws. Speed 20 makes calls, meetings and deals all likely within the slots.
        var simulator = new DemoSimulator(org, pipeline: null!, Options.Create(new DemoOptions { Speed = 20 }), new FakeTimeProvider(now), NullLogger<DemoSimulator>.Instance);
        var firstSlot = now.AddHours(-6).ToUnixTimeSeconds() / (long)DemoSimulator.Slot.TotalSeconds;
        var lastSlot = now.ToUnixTimeSeconds() / (long)DemoSimulator.Slot.TotalSeconds;

        var drawn = Draw(simulator, org, firstSlot, lastSlot);

        Assert.Contains(drawn, a => a.Type == "call");
        Assert.Contains(drawn, a => a.Type == "meeting");
        Assert.Contains(drawn, a => a.Type == "deal");
        foreach (var activity in drawn)
        {
            Assert.Matches(@"^sim-[a-z0-9-]+-\d+-(call|meeting|deal)$", activity.Id!);
            Assert.EndsWith("-" + activity.Type, activity.Id, StringComparison.Ordinal);
            Assert.Equal((DemoSimulator.Source, (int?)null), (activity.Source, activity.Quantity));
            Assert.Equal(activity.Type == "deal", activity.Value is > 0);
            Assert.InRange(activity.OccurredAt!.Value, now.AddHours(-6).AddSeconds(-5), now);
        }

        var (valid, errors) = new ActivityRules(org, new FakeTimeProvider(now)).Check(new IncomingBatch(drawn));
        Assert.Null(errors);
        Assert.Equal(drawn.Count, valid.Count);
        Assert.Equal(drawn, Draw(simulator, org, firstSlot, lastSlot));
    }

    private static List<IncomingActivity> Draw(DemoSimulator simulator, Organization org, long from, long to)
    {
        var batch = new List<IncomingActivity>();
        foreach (var team in org.Teams)
        {
            var index = 0;
            foreach (var rep in team.Reps)
            {
                var profile = RepProfile.For(rep, index++);
                for (var slot = from; slot < to; slot++)
                {
                    simulator.Draw(team, profile, slot, batch);
                }
            }
        }

        return batch;
    }
}
