using System.Globalization;
using System.Net;
using System.Net.Http.Json;

namespace SalesCoach.Live.Browser.Tests.Infrastructure;

/// <summary>Posts activities through the ingest API, as a CRM would.</summary>
public static class Activities
{
    /// <summary>The demo org's reps by team (src/SalesCoach.Live.Domain/Org/demo-org.json).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Reps = new Dictionary<string, string[]>
    {
        ["emea"] = ["anna", "ben", "chloe", "dario", "elif", "finn", "greta", "hugo"],
        ["amer"] = ["isabel", "jamal", "kate", "luis", "maya", "noah"],
        ["apac"] = ["omar", "priya", "quynh", "rahul", "sakura", "tom", "uma", "vikram", "wen", "xavier"],
    };

    public static object Of(string repId, string type, int quantity = 1, decimal? value = null) => new
    {
        id = $"browser-{Guid.NewGuid():N}",
        repId,
        type,
        // A few seconds ago: today in every team's time zone, and never in the future.
        occurredAt = DateTimeOffset.UtcNow.AddSeconds(-5).ToString("O", CultureInfo.InvariantCulture),
        quantity,
        value,
    };

    public static async Task PostAsync(WallboardServer server, params object[] activities)
    {
        using var client = server.Client(WallboardServer.IngestKey);
        var response = await client.PostAsJsonAsync("/api/activities", activities);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"ingest answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>A believable day so far on every team (calls, meetings, a few deals), so the screens have something to show.</summary>
    public static Task SeedDayAsync(WallboardServer server)
    {
        var batch = new List<object>();
        foreach (var (_, reps) in Reps)
        {
            for (var i = 0; i < reps.Length; i++)
            {
                batch.Add(Of(reps[i], "call", quantity: 12 + ((i * 17) % 41)));
                batch.Add(Of(reps[i], "meeting", quantity: 1 + ((i * 5) % 7)));
                if (i % 3 == 0)
                {
                    batch.Add(Of(reps[i], "deal", value: 4_000 + (i * 1_250)));
                }
            }
        }

        return PostAsync(server, [.. batch]);
    }
}
