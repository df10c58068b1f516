using System.Text.Json;
using SalesCoach.Live.Abstractions.Json;
using SalesCoach.Live.Grains.Tests.Infrastructure;
using static SalesCoach.Live.Grains.Tests.Infrastructure.TestActivity;

namespace SalesCoach.Live.Grains.Tests.Teams;

/// <summary>Activities of a metric with <c>celebrate: true</c> are pushed to every relay as <c>celebration</c> messages.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CelebrationTests(GrainCluster cluster)
{
    [Fact]
    public async Task A_celebrated_metric_pushes_a_celebration_with_rep_name_metric_and_value()
    {
        var now = cluster.StartFreshWeek(TestOrg.Floor, DayOfWeek.Thursday, TimeSpan.FromHours(12));
        await cluster.IngestAsync(Call("carl", now.AddMinutes(-5)));
        var dealAt = now.AddMinutes(-1);

        await cluster.IngestAsync(Deal("carl", dealAt, 12_500.50m), Call("carl", now.AddSeconds(-30)));

        var celebration = await cluster.Relay.WaitForAsync(TestOrg.Floor, RelayPush.Celebration, c => RepOf(c) == "carl");
        Assert.Equal(TestOrg.Floor, celebration.GetProperty("teamId").GetString());
        Assert.Equal("Carl Closer", celebration.GetProperty("name").GetString());
        Assert.Equal("deal", celebration.GetProperty("metric").GetString());
        Assert.Equal(12_500.50m, celebration.GetProperty("value").GetDecimal());
        Assert.Equal(ContractJson.FormatInstant(dealAt), celebration.GetProperty("occurredAt").GetString());

        // Calls are not celebrated; the board counts the deal's points.
        await cluster.BoardAsync(TestOrg.Floor);
        Assert.Single(cluster.Relay.Of(TestOrg.Floor, RelayPush.Celebration), c => RepOf(c) == "carl");
        Assert.Equal(2 + 50, (await cluster.BoardAsync(TestOrg.Floor)).Score("carl"));
    }

    [Fact]
    public async Task The_deal_that_wakes_a_rep_grain_is_still_celebrated()
    {
        // No earlier activity of this rep: the deal's own batch activates the grain, which loads the deal from the
        // log before the batch itself is handed over.
        var now = cluster.StartFreshWeek(TestOrg.Floor, DayOfWeek.Thursday, TimeSpan.FromHours(12));

        await cluster.IngestAsync(Deal("cleo", now.AddMinutes(-1), 800m));

        var celebration = await cluster.Relay.WaitForAsync(TestOrg.Floor, RelayPush.Celebration, c => RepOf(c) == "cleo");
        Assert.Equal("Cleo Closer", celebration.GetProperty("name").GetString());
        Assert.Equal(800m, celebration.GetProperty("value").GetDecimal());
        Assert.Equal(50, (await cluster.BoardAsync(TestOrg.Floor)).Score("cleo"));
    }

    private static string? RepOf(JsonElement celebration) => celebration.GetProperty("repId").GetString();
}
