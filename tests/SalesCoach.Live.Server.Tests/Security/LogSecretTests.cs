using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using SalesCoach.Live.Server.Tests.Infrastructure;
using Serilog.Core;
using Serilog.Events;

namespace SalesCoach.Live.Server.Tests.Security;

/// <summary>No API key reaches a log line, whichever way it was sent (header, bearer, hub query string).</summary>
public sealed class LogSecretTests
{
    [Fact]
    public async Task Keys_sent_in_headers_and_hub_query_strings_never_appear_in_any_log_line()
    {
        var sink = new CapturingSink();
        using var app = new SalesCoachApp(services: s => s.AddSingleton<ILogEventSink>(sink));

        await app.PostAsync(TestActivity.Of("anna", "call", DateTimeOffset.UtcNow.AddMinutes(-1)));
        var bearer = app.Client(null);
        bearer.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", SalesCoachApp.ReadKey);
        await bearer.GetAsync("/api/teams/alpha/board");
        await app.Client("wrong-key-but-long-enough-123456").GetAsync("/api/teams");
        await using (var hub = app.Hub(SalesCoachApp.ReadKey))
        {
            await hub.StartAsync();
            await hub.InvokeAsync("SubscribeTeam", "live");
        }

        var lines = sink.Events.Select(e => e.RenderMessage() + " " + string.Join(" ", e.Properties.Values) + " " + e.Exception).ToList();
        Assert.NotEmpty(lines);
        foreach (var secret in new[] { SalesCoachApp.IngestKey, SalesCoachApp.ReadKey, SalesCoachApp.AdminKey, "wrong-key-but-long-enough-123456" })
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }

    private sealed class CapturingSink : ILogEventSink
    {
        public ConcurrentQueue<LogEvent> Events { get; } = new();

        public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);
    }
}
