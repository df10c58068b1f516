using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using SalesCoach.Live.Server.Tests.Infrastructure;

namespace SalesCoach.Live.Server.Tests.Gamification;

/// <summary>Moments reach the team's hub subscribers as <c>moment</c> messages.</summary>
public sealed class MomentHubTests
{
    [Fact]
    public async Task A_goal_hit_is_pushed_to_the_team_as_a_moment()
    {
        using var app = new SalesCoachApp();
        await using var client = await LiveClient.ConnectAsync(app);
        var moments = Channel.CreateUnbounded<JsonElement>();
        client.Connection.On<JsonElement>("moment", m => moments.Writer.TryWrite(m));
        await client.SubscribeAsync("live");

        Assert.Equal(HttpStatusCode.Accepted, (await app.PostAsync(new[] { TestActivity.Of("lena", "call", DateTimeOffset.UtcNow.AddSeconds(-20), quantity: 100) })).StatusCode);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        JsonElement moment;
        do
        {
            moment = await moments.Reader.ReadAsync(timeout.Token);
        }
        while (moment.GetProperty("kind").GetString() != "goal");

        Assert.Equal("live", moment.GetProperty("teamId").GetString());
        Assert.Equal("lena", moment.GetProperty("repId").GetString());
        Assert.Equal("Lena Live", moment.GetProperty("name").GetString());
        Assert.Equal("call", moment.GetProperty("detail").GetString());
        Assert.Equal(100, moment.GetProperty("value").GetDecimal());
    }
}
