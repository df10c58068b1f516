using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SalesCoach.Live.Server.Accounts;
using SalesCoach.Live.Server.Tests.Infrastructure;

namespace SalesCoach.Live.Server.Tests.Accounts;

/// <summary>Signing in with local accounts: cookies, lock-out, sessions that end when the account changes, and keys made at run time.</summary>
public sealed class SignInTests : IDisposable
{
    private readonly SalesCoachApp _app = new(settings: new Dictionary<string, string?>
    {
        ["Accounts:RevalidateSeconds"] = "0",
        ["Accounts:Lockout:MaxFailures"] = "3",
    });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_manager_signed_in_reads_their_team_and_is_refused_another_one()
    {
        await People.CreateAsync(_app, "mara", "manager", ["alpha"]);
        var (client, _) = await People.SignInAsync(_app, "MARA");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/teams/alpha/board")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/teams/alpha/coaching")).StatusCode);
        var refused = await client.GetAsync("/api/teams/other/board");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var me = await Json.ReadAsync(await client.GetAsync("/api/account/me"));
        Assert.Equal("manager", me.GetProperty("role").GetString());
        Assert.Equal(["alpha"], me.GetProperty("coaches").EnumerateArray().Select(t => t.GetString()!).ToArray());
    }

    [Fact]
    public async Task Wrong_passwords_make_the_guesser_wait_even_with_the_right_one_until_the_wait_is_over()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-26T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var app = new SalesCoachApp(
            settings: new Dictionary<string, string?> { ["Accounts:Lockout:MaxFailures"] = "3", ["Accounts:Lockout:Minutes"] = "15" },
            services: s => s.AddSingleton(sp => new SignInThrottle(sp.GetRequiredService<IOptions<AccountOptions>>(), clock)));
        await People.CreateAsync(app, "lou", "manager", ["alpha"]);
        using var client = app.Client(null);
        for (var i = 0; i < 3; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/account/sign-in", new { userName = "lou", password = "not-the-password" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        // Brute force is stopped: from here, even the right password is not even checked for a while...
        var right = await client.PostAsJsonAsync("/api/account/sign-in", new { userName = "lou", password = People.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        var wait = right.Headers.RetryAfter?.Delta ?? throw new InvalidOperationException("no Retry-After");
        Assert.InRange(wait, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

        // ...every further failure doubles the wait, up to Lockout:Minutes, never longer...
        for (var i = 0; i < 12; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(16));
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/account/sign-in", new { userName = "lou", password = "still-wrong-password" })).StatusCode);
        }

        var longest = await client.PostAsJsonAsync("/api/account/sign-in", new { userName = "lou", password = People.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, longest.StatusCode);
        Assert.InRange(longest.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));

        // ...and once it is over the real user signs in: no lock that keeps them out.
        clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/account/sign-in", new { userName = "lou", password = People.Password })).StatusCode);
    }

    [Fact]
    public async Task An_unknown_name_and_a_wrong_password_get_the_same_answer()
    {
        await People.CreateAsync(_app, "uma", "admin");
        using var client = _app.Client(null);
        var unknown = new List<(HttpStatusCode, string?)>();
        var wrong = new List<(HttpStatusCode, string?)>();
        // The same answers all the way into the throttle (MaxFailures is 3 here): nothing tells which names exist.
        for (var i = 0; i < 5; i++)
        {
            var u = await client.PostAsJsonAsync("/api/account/sign-in", new { userName = "nobody", password = "whatever-it-is" });
            var w = await client.PostAsJsonAsync("/api/account/sign-in", new { userName = "uma", password = "whatever-it-is" });
            unknown.Add((u.StatusCode, (await Json.ReadAsync(u)).GetProperty("detail").GetString()));
            wrong.Add((w.StatusCode, (await Json.ReadAsync(w)).GetProperty("detail").GetString()));
        }

        Assert.Equal(unknown, wrong);
        Assert.Equal(HttpStatusCode.TooManyRequests, wrong[^1].Item1);
    }

    [Fact]
    public async Task Taking_a_team_away_from_a_manager_ends_their_access_to_it_without_a_new_sign_in()
    {
        await People.CreateAsync(_app, "moe", "manager", ["alpha", "live"]);
        var (client, _) = await People.SignInAsync(_app, "moe");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/teams/live/board")).StatusCode);

        var change = await _app.Client(SalesCoachApp.AdminKey).PutAsJsonAsync("/api/admin/users/moe", new { displayName = "Moe", role = "manager", teams = new[] { "alpha" } });
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);

        // The cookie's stamp no longer matches: the session ends, and the API says so rather than redirecting.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/teams/live/board")).StatusCode);
        var (again, _) = await People.SignInAsync(_app, "moe");
        Assert.Equal(HttpStatusCode.Forbidden, (await again.GetAsync("/api/teams/live/board")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/teams/alpha/board")).StatusCode);
    }

    [Fact]
    public async Task The_sign_in_form_needs_its_antiforgery_token()
    {
        await People.CreateAsync(_app, "fay", "admin");
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _app.BaseAddress };
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "fay", ["password"] = People.Password, ["returnUrl"] = "/",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], c => c.StartsWith(".SalesCoach.Auth", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_admin_api_names_the_bad_field_and_refuses_a_taken_name()
    {
        var admin = _app.Client(SalesCoachApp.AdminKey);
        var bad = await admin.PostAsJsonAsync("/api/admin/users", new { userName = "x y", displayName = "X", role = "boss", teams = new[] { "nowhere" }, password = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await Json.ReadAsync(bad)).GetProperty("errors");
        foreach (var field in new[] { "userName", "role", "teams", "password" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }

        var rep = await admin.PostAsJsonAsync("/api/admin/users", new { userName = "rita", displayName = "Rita", role = "rep", password = People.Password });
        Assert.Equal(HttpStatusCode.BadRequest, rep.StatusCode);
        Assert.True((await Json.ReadAsync(rep)).GetProperty("errors").TryGetProperty("repId", out _));

        await People.CreateAsync(_app, "tess", "admin");
        var taken = await admin.PostAsJsonAsync("/api/admin/users", new { userName = "Tess", displayName = "Tess", role = "admin", password = People.Password });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);

        var list = await Json.ReadAsync(await admin.GetAsync("/api/admin/users"));
        var tess = list.EnumerateArray().Single(a => a.GetProperty("userName").GetString() == "tess");
        Assert.False(tess.TryGetProperty("passwordHash", out _));
        Assert.True(tess.GetProperty("hasPassword").GetBoolean());
    }

    [Fact]
    public async Task An_api_key_made_at_run_time_is_shown_once_works_and_stops_when_revoked()
    {
        await People.CreateAsync(_app, "ada", "admin");
        var (admin, _) = await People.SignInAsync(_app, "ada");
        var created = await admin.PostAsJsonAsync("/api/admin/api-keys", new { name = "dialer", scopes = new[] { "read" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await Json.ReadAsync(created);
        var key = body.GetProperty("key").GetString()!;
        var id = body.GetProperty("id").GetString()!;

        Assert.Equal(HttpStatusCode.OK, (await _app.Client(key).GetAsync("/api/teams/alpha/board")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.Client(key).PostAsJsonAsync("/api/activities", Array.Empty<object>())).StatusCode);
        var listed = await admin.GetStringAsync("/api/admin/api-keys");
        Assert.DoesNotContain(key, listed, StringComparison.Ordinal);
        Assert.Contains(key[..9], listed, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/api-keys/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.Client(key).GetAsync("/api/teams/alpha/board")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/admin/api-keys/{id}")).StatusCode);
        var bad = await admin.PostAsJsonAsync("/api/admin/api-keys", new { name = "", scopes = new[] { "everything" } });
        var errors = (await Json.ReadAsync(bad)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _) && errors.TryGetProperty("scopes", out _));
    }

    [Fact]
    public async Task On_the_hub_a_manager_gets_their_team_and_a_rep_never_the_coaching_queue()
    {
        await People.CreateAsync(_app, "hal", "manager", ["alpha"]);
        await People.CreateAsync(_app, "annie", "rep", repId: "anna");
        var (_, managerCookies) = await People.SignInAsync(_app, "hal");
        var (_, repCookies) = await People.SignInAsync(_app, "annie");

        await using var manager = People.Hub(_app, managerCookies);
        var snapshot = new TaskCompletionSource<JsonElement>();
        manager.On<JsonElement>("snapshot", s => snapshot.TrySetResult(s));
        await manager.StartAsync();
        await manager.InvokeAsync("SubscribeTeam", "alpha");
        Assert.Equal("alpha", (await snapshot.Task.WaitAsync(TimeSpan.FromSeconds(10))).GetProperty("teamId").GetString());
        await manager.InvokeAsync("SubscribeCoaching", "alpha");
        var refused = await Assert.ThrowsAsync<HubException>(() => manager.InvokeAsync("SubscribeTeam", "other"));
        Assert.Contains("other", refused.Message, StringComparison.Ordinal);

        await using var rep = People.Hub(_app, repCookies);
        await rep.StartAsync();
        await rep.InvokeAsync("SubscribeTeam", "alpha");
        await Assert.ThrowsAsync<HubException>(() => rep.InvokeAsync("SubscribeCoaching", "alpha"));
        await Assert.ThrowsAsync<HubException>(() => rep.InvokeAsync("SubscribeTeam", "live"));
    }

    [Fact]
    public async Task The_me_endpoint_answers_a_signed_in_person_only()
    {
        await People.CreateAsync(_app, "otto", "admin");
        var (signedIn, _) = await People.SignInAsync(_app, "otto");
        using var client = signedIn;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/account/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.Client(null).GetAsync("/api/account/me")).StatusCode);
    }
}
