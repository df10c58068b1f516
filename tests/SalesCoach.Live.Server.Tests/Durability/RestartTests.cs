using System.Net;
using SalesCoach.Live.Server.Tests.Infrastructure;

namespace SalesCoach.Live.Server.Tests.Durability;

/// <summary>A host restarted on the same SQLite file keeps every count and still knows every id.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task Counts_and_duplicate_detection_survive_a_restart_on_the_same_store()
    {
        var batch = new[]
        {
            TestActivity.Of("lena", "call", DateTimeOffset.UtcNow.AddMinutes(-3), quantity: 4, id: "restart-1"),
            TestActivity.Of("lena", "deal", DateTimeOffset.UtcNow.AddMinutes(-2), value: 900, id: "restart-2"),
        };
        string dataDirectory;
        double callsBefore;
        using (var first = new SalesCoachApp())
        {
            dataDirectory = first.DataDirectory;
            Assert.Equal(HttpStatusCode.Accepted, (await first.PostAsync(batch)).StatusCode);
            callsBefore = await LiveCallsAsync(first);
        }

        using var second = new SalesCoachApp(dataDirectory);
        Assert.Equal(callsBefore, await LiveCallsAsync(second));
        Assert.Equal(4, callsBefore);

        var again = await Json.ReadAsync(await second.PostAsync(batch));
        Assert.Equal(0, again.GetProperty("accepted").GetInt32());
        Assert.Equal(2, again.GetProperty("duplicates").GetInt32());
        Assert.Equal(callsBefore, await LiveCallsAsync(second));
    }

    private static async Task<double> LiveCallsAsync(SalesCoachApp app)
    {
        var board = await Json.ReadAsync(await app.Client(SalesCoachApp.ReadKey).GetAsync("/api/teams/live/board"));
        return Json.Row(board, "lena").GetProperty("metrics").GetProperty("call").GetProperty("actual").GetDouble();
    }
}
