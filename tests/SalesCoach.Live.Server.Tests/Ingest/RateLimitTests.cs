using System.Net;
using SalesCoach.Live.Server.Tests.Infrastructure;

namespace SalesCoach.Live.Server.Tests.Ingest;

/// <summary>Ingest is rate limited per API key, with a 429 problem and Retry-After.</summary>
public sealed class RateLimitTests : IDisposable
{
    private readonly SalesCoachApp _app = new(settings: new Dictionary<string, string?>
    {
        ["RateLimits:Ingest:RequestsPerSecond"] = "1",
        ["RateLimits:Ingest:Burst"] = "2",
    });

    [Fact]
    public async Task A_key_over_its_rate_gets_429_with_retry_after_while_another_key_goes_on()
    {
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await _app.PostAsync(TestActivity.Of("anna", "call", "2026-04-06T10:00:00+02:00")));
        }

        var other = await _app.Client(SalesCoachApp.AdminKey).PostAsync("/api/activities",
            System.Net.Http.Json.JsonContent.Create(TestActivity.Of("anna", "call", "2026-04-06T10:00:00+02:00")));

        var limited = answers.Last();
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Accepted, answers[0].StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
    }

    public void Dispose() => _app.Dispose();
}
