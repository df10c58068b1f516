using System.Net;
using System.Text.Json;
using SalesCoach.Live.Server.Tests.Infrastructure;

namespace SalesCoach.Live.Server.Tests.Integrations;

/// <summary>
/// Dead letters taken by a wrong mapping are replayed after the mapping is fixed: a first server with the wrong mapping,
/// then a second one on the same data directory with the right one. Replays go through ingest and are idempotent.
/// </summary>
public sealed class ReplayTests
{
    // The wrong mapping: the dialer's agent is read from a field the payloads do not have.
    private static readonly (string, string?) WrongRepPath = ("Webhooks:Sources:dialer:Fields:repId", "$.agent");

    [Fact]
    public async Task Dead_letters_of_a_wrong_mapping_go_through_once_it_is_fixed_and_a_second_replay_adds_nothing()
    {
        string dataDirectory;
        long single, batch;
        using (var wrong = new SalesCoachApp(settings: WebhookSettings.With(WrongRepPath)))
        {
            dataDirectory = wrong.DataDirectory;
            var first = await WebhookSettings.PostAsync(wrong, "dialer", WebhookSettings.Sample("dialer-call.json"));
            Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
            var firstProblem = await Json.ReadAsync(first);
            Assert.Equal("is required: nothing at $.agent", firstProblem.GetProperty("errors").GetProperty("repId")[0].GetString());
            single = firstProblem.GetProperty("deadLetterId").GetInt64();

            var second = await Json.ReadAsync(await WebhookSettings.PostAsync(wrong, "dialer", WebhookSettings.Sample("dialer-batch.json")));
            Assert.Equal(3, second.GetProperty("deadLettered").GetInt32()); // the unanswered call is filtered before any mapping
            Assert.Equal(1, second.GetProperty("filtered").GetInt32());
            batch = second.GetProperty("deadLetterId").GetInt64();

            // Replaying with the wrong mapping still in force changes nothing: 422, and the letter stays open.
            var early = await wrong.Client(SalesCoachApp.AdminKey).PostAsync($"/api/webhooks/dead-letters/{single}/replay", null);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
            Assert.Equal("application/problem+json", early.Content.Headers.ContentType?.MediaType);
        }

        using var fixedApp = new SalesCoachApp(dataDirectory, WebhookSettings.Aliases());
        var admin = fixedApp.Client(SalesCoachApp.AdminKey);
        var open = await Json.ReadAsync(await admin.GetAsync("/api/webhooks/dead-letters?source=dialer"));
        Assert.Equal([batch, single], open.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("id").GetInt64()));

        var replayed = await admin.PostAsync($"/api/webhooks/dead-letters/{single}/replay", null);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        var result = await Json.ReadAsync(replayed);
        Assert.Equal(("replayed", 1, 0), (result.GetProperty("status").GetString(), result.GetProperty("accepted").GetInt32(), result.GetProperty("duplicates").GetInt32()));
        Assert.Equal("replayed", (await Json.ReadAsync(await admin.GetAsync($"/api/webhooks/dead-letters/{single}"))).GetProperty("status").GetString());

        // Idempotent: the same replay again finds its activity in the log.
        var again = await Json.ReadAsync(await admin.PostAsync($"/api/webhooks/dead-letters/{single}/replay", null));
        Assert.Equal((0, 1), (again.GetProperty("accepted").GetInt32(), again.GetProperty("duplicates").GetInt32()));

        // Replay-all of the source: the batch goes through but for its unknown agent, so it stays open with that reason.
        var all = await Json.ReadAsync(await admin.PostAsync("/api/webhooks/dead-letters/replay?source=dialer", null));
        Assert.Equal((1, 0, 1, 3), (all.GetProperty("tried").GetInt32(), all.GetProperty("replayed").GetInt32(), all.GetProperty("stillOpen").GetInt32(), all.GetProperty("accepted").GetInt32()));
        var failure = Assert.Single(all.GetProperty("failures").EnumerateArray());
        Assert.Equal(batch, failure.GetProperty("id").GetInt64());
        Assert.Contains("[3].repId: unknown rep alias 'zed@example.com'", failure.GetProperty("reason").GetString());
        var stillOpen = await Json.ReadAsync(await admin.GetAsync($"/api/webhooks/dead-letters/{batch}"));
        Assert.Equal("open", stillOpen.GetProperty("status").GetString());
        Assert.StartsWith("1 of 4 events could not be taken: [3].repId", stillOpen.GetProperty("reason").GetString());

        var replayedOnce = await Json.ReadAsync(await admin.PostAsync($"/api/webhooks/dead-letters/{batch}/replay", null));
        Assert.Equal((0, 3), (replayedOnce.GetProperty("accepted").GetInt32(), replayedOnce.GetProperty("duplicates").GetInt32()));

        // The replayed activities count on the board like any others: anna has two calls that day, ben one call and a meeting.
        var board = await Json.ReadAsync(await fixedApp.Client(SalesCoachApp.ReadKey).GetAsync("/api/teams/alpha/board?at=2026-11-24T17:00:00%2B01:00"));
        Assert.Equal(2, Actual(board, "anna", "call"));
        Assert.Equal(1, Actual(board, "ben", "call"));
        Assert.Equal(1, Actual(board, "ben", "meeting", "week"));
    }

    [Fact]
    public async Task A_letter_whose_source_is_gone_cannot_be_replayed_until_it_is_configured_again()
    {
        string dataDirectory;
        long id;
        using (var first = new SalesCoachApp(settings: WebhookSettings.Aliases()))
        {
            dataDirectory = first.DataDirectory;
            id = (await Json.ReadAsync(await WebhookSettings.PostAsync(first, "dialer", WebhookSettings.Sample("dialer-incomplete.json")))).GetProperty("deadLetterId").GetInt64();
        }

        using var second = new SalesCoachApp(dataDirectory, WebhookSettings.With(("Webhooks:Sources:dialer:Enabled", "false")));

        var response = await second.Client(SalesCoachApp.AdminKey).PostAsync($"/api/webhooks/dead-letters/{id}/replay", null);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await WebhookSettings.PostAsync(second, "dialer", "{}")).StatusCode);
    }

    private static double Actual(JsonElement board, string repId, string metric, string? period = null)
    {
        var figures = Json.Row(board, repId).GetProperty("metrics").GetProperty(metric);
        if (period is not null && figures.GetProperty("period").GetString() != period)
        {
            figures = figures.GetProperty("periods").GetProperty(period);
        }

        return figures.GetProperty("actual").GetDouble();
    }
}
