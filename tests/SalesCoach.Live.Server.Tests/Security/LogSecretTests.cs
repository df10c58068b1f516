using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using SalesCoach.Live.Server.Tests.Infrastructure;
using Serilog.Core;
using Serilog.Events;

namespace SalesCoach.Live.Server.Tests.Security;

/// <summary>
/// No secret reaches a log line: API keys however they were sent (header, bearer, hub query string), passwords (right,
/// wrong, new), keys made at run time, and sign-in cookies.
/// </summary>
public sealed class LogSecretTests
{
    [Fact]
    public async Task Keys_passwords_and_cookies_never_appear_in_any_log_line()
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

        await People.CreateAsync(app, "logged-admin", "admin");
        var (admin, cookies) = await People.SignInAsync(app, "logged-admin");
        await app.Client(null).PostAsync("/api/account/sign-in", System.Net.Http.Json.JsonContent.Create(new { userName = "logged-admin", password = "wrong-password-secret-77" }));
        await admin.PutAsync("/api/admin/users/logged-admin", System.Net.Http.Json.JsonContent.Create(new { displayName = "A", role = "admin", password = "new-password-secret-88" }));
        var created = await admin.PostAsync("/api/admin/api-keys", System.Net.Http.Json.JsonContent.Create(new { name = "logged", scopes = new[] { "read" } }));
        var runtimeKey = (await Json.ReadAsync(created)).GetProperty("key").GetString()!;
        await app.Client(runtimeKey).GetAsync("/api/teams");
        var cookie = cookies.GetCookies(app.BaseAddress).Single(c => c.Name == ".SalesCoach.Auth").Value;

        var lines = sink.Events.Select(e => e.RenderMessage() + " " + string.Join(" ", e.Properties.Values) + " " + e.Exception).ToList();
        Assert.NotEmpty(lines);
        foreach (var secret in new[]
                 {
                     SalesCoachApp.IngestKey, SalesCoachApp.ReadKey, SalesCoachApp.AdminKey, "wrong-key-but-long-enough-123456",
                     People.Password, "wrong-password-secret-77", "new-password-secret-88", runtimeKey, cookie,
                 })
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
