using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SalesCoach.Live.Server.Operations;
using SalesCoach.Live.Server.Tests.Infrastructure;

namespace SalesCoach.Live.Server.Tests.Operations;

public sealed class IngestDrainTests
{
    [Fact]
    public async Task A_stopping_node_lets_no_new_batch_in_and_is_idle_once_the_batches_in_flight_are_answered()
    {
        var drain = new IngestDrain();
        Assert.True(drain.TryEnter(out var first));
        Assert.True(drain.TryEnter(out var second));

        drain.BeginStopping();
        var idle = drain.WhenIdleAsync();

        Assert.False(drain.TryEnter(out var refused));
        refused.Dispose();
        Assert.Equal(2, drain.InFlight);
        first.Dispose();
        first.Dispose();
        Assert.False(idle.IsCompleted);
        second.Dispose();
        await idle.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(0, drain.InFlight);
        Assert.True(drain.WhenIdleAsync().IsCompleted);
    }

    [Fact]
    public async Task The_healthz_of_a_stopping_node_answers_503_stopping_and_its_ingest_answers_503_with_retry_after()
    {
        using var app = new SalesCoachApp();
        Assert.Equal(HttpStatusCode.OK, (await app.Client(null).GetAsync("/healthz")).StatusCode);

        app.Services.GetRequiredService<IngestDrain>().BeginStopping();

        var health = await app.Client(null).GetAsync("/healthz");
        var post = await app.PostAsync(TestActivity.Of("lena", "call", DateTimeOffset.UtcNow.AddMinutes(-1)));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("stopping", await health.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, post.StatusCode);
        Assert.NotNull(post.Headers.RetryAfter);
    }
}
