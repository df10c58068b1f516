using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using SalesCoach.Live.Server.Tests.Infrastructure;
using SalesCoach.Live.Server.Tests.Wallboard;

namespace SalesCoach.Live.Server.Tests.Security;

/// <summary>
/// Every endpoint and hub method against every kind of caller: anonymous, an ingest key, a read key, a board token (of
/// a board showing team alpha), a rep of alpha (anna), a manager of another team, alpha's manager and an admin. Each
/// cell is allowed (anything but 401/403) or denied (401 or 403), as the table says.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.Callers callers) : IClassFixture<AuthorizationMatrixTests.Callers>
{
    public enum Caller
    {
        Anonymous,
        IngestKey,
        ReadKey,
        BoardToken,
        Rep,
        OtherManager,
        Manager,
        Admin,
    }

    private const string Anyone = "";

    /// <summary>(method, path, body, who is allowed: letters A=anonymous I=ingest R=read B=board P=rep O=other manager M=manager D=admin).</summary>
    public static TheoryData<string, string, string, string> Endpoints => new()
    {
        { "GET", "/api/teams", Anyone, "R P O M D" },
        { "GET", "/api/teams/alpha/board", Anyone, "R B P M D" },
        { "GET", "/api/teams/alpha/board?at=2026-11-26T10:00:00Z", Anyone, "R B P M D" },
        { "GET", "/api/reps/anna/pace", Anyone, "R B P M D" },
        { "GET", "/api/reps/ben/pace", Anyone, "R B M D" },
        { "GET", "/api/teams/alpha/coaching", Anyone, "R M D" },
        { "POST", "/api/teams/alpha/coaching/ben/acknowledge", "{}", "M D" },
        { "GET", "/api/reps/ben/coaching-notes", Anyone, "M D" },
        { "POST", "/api/reps/ben/coaching-notes", "{}", "M D" },
        { "GET", "/api/teams/alpha/coaching-time", Anyone, "M D" },
        { "GET", "/api/reps/anna/audit", Anyone, "R P M D" },
        { "GET", "/api/reps/ben/audit", Anyone, "R M D" },
        { "GET", "/api/reps/anna/badges", Anyone, "R P M D" },
        { "GET", "/api/teams/alpha/scorecard", Anyone, "R P M D" },
        { "GET", "/api/scorecard/teams", Anyone, "R P O M D" },
        { "GET", "/api/teams/alpha/moments", Anyone, "R P M D" },
        { "GET", "/api/teams/alpha/competitions", Anyone, "R P M D" },
        { "POST", "/api/competitions", """{"teamId":"alpha"}""", "M D" },
        { "PATCH", "/api/competitions/matrix-contest", "{}", "M D" },
        { "POST", "/api/activities", "[]", "I D" },
        { "DELETE", "/api/activities/no-such-activity", Anyone, "I D" },
        { "GET", "/api/wallboards", Anyone, "D" },
        { "GET", "/api/webhooks/dead-letters", Anyone, "D" },
        { "GET", "/api/webhooks/sources", Anyone, "D" },
        { "GET", "/api/connectors", Anyone, "D" },
        { "POST", "/api/connectors/hubspot/sync", Anyone, "D" },
        // Vendor webhooks: no key or sign-in is asked (the vendor's own verification is; ConnectorWebhookTests).
        { "POST", "/api/connectors/hubspot/webhook", "[]", "A I R B P O M D" },
        { "POST", "/api/connectors/aircall/webhook", "{}", "A I R B P O M D" },
        { "POST", "/api/connectors/pipedrive/webhook", "{}", "A I R B P O M D" },
        { "GET", "/api/admin/users", Anyone, "D" },
        { "GET", "/api/admin/api-keys", Anyone, "D" },
        { "GET", "/api/admin/org", Anyone, "D" },
        { "PUT", "/api/admin/org", "{}", "D" },
        { "GET", "/api/admin/org/revisions", Anyone, "D" },
        { "GET", "/api/account/me", Anyone, "P O M D" },
        { "GET", "/healthz", Anyone, "A I R B P O M D" },
    };

    /// <summary>(hub method, team, who is allowed).</summary>
    public static TheoryData<string, string, string> HubMethods => new()
    {
        { "SubscribeTeam", "alpha", "R B P M D" },
        { "SubscribeTeam", "other", "R O D" },
        { "SubscribeCoaching", "alpha", "R M D" },
        { "SubscribeCoaching", "other", "R O D" },
        { "GetCompetitions", "alpha", "R B P M D" },
        { "GetCompetitions", "other", "R O D" },
        { "GetMoments", "alpha", "R B P M D" },
        { "GetMoments", "other", "R O D" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Each_endpoint_admits_exactly_the_callers_in_its_row(string method, string path, string body, string allowed)
    {
        var failures = new List<string>();
        foreach (var caller in Enum.GetValues<Caller>())
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (body.Length > 0)
            {
                request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            }

            var response = await callers.SendAsync(caller, request);
            var denied = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
            var expected = Allowed(allowed, caller);
            if (denied == expected)
            {
                failures.Add($"{caller}: {(int)response.StatusCode} (expected {(expected ? "allowed" : "denied")})");
            }
        }

        Assert.True(failures.Count == 0, $"{method} {path}: " + string.Join("; ", failures));
    }

    [Theory]
    [MemberData(nameof(HubMethods))]
    public async Task Each_hub_method_admits_exactly_the_callers_in_its_row(string method, string teamId, string allowed)
    {
        var failures = new List<string>();
        foreach (var caller in Enum.GetValues<Caller>())
        {
            var expected = Allowed(allowed, caller);
            bool admitted;
            await using var connection = callers.Hub(caller);
            try
            {
                await connection.StartAsync();
                await connection.InvokeAsync(method, teamId);
                admitted = true;
            }
            catch (HttpRequestException)
            {
                admitted = false; // 401/403 at connect
            }
            catch (HubException)
            {
                admitted = false;
            }

            if (admitted != expected)
            {
                failures.Add($"{caller}: {(admitted ? "admitted" : "refused")}");
            }
        }

        Assert.True(failures.Count == 0, $"{method}({teamId}): " + string.Join("; ", failures));
    }

    private static bool Allowed(string allowed, Caller caller)
    {
        var letter = caller switch
        {
            Caller.Anonymous => "A",
            Caller.IngestKey => "I",
            Caller.ReadKey => "R",
            Caller.BoardToken => "B",
            Caller.Rep => "P",
            Caller.OtherManager => "O",
            Caller.Manager => "M",
            Caller.Admin => "D",
            _ => throw new ArgumentOutOfRangeException(nameof(caller)),
        };
        return allowed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(letter);
    }

    /// <summary>One server with one caller of each kind.</summary>
    public sealed class Callers : IAsyncLifetime
    {
        private readonly Dictionary<Caller, HttpClient> _clients = [];
        private readonly Dictionary<Caller, CookieContainer> _cookies = [];
        private string _boardToken = "";

        public SalesCoachApp App { get; } = new();

        public async Task InitializeAsync()
        {
            await People.CreateAsync(App, "matrix-rep", "rep", repId: "anna");
            await People.CreateAsync(App, "matrix-other", "manager", ["other"]);
            await People.CreateAsync(App, "matrix-manager", "manager", ["alpha"]);
            await People.CreateAsync(App, "matrix-admin", "admin");
            (_boardToken, _) = await BoardScreen.PairAsync(App, await BoardScreen.CreateBoardAsync(App, "alpha"));
            var contest = await App.Client(SalesCoachApp.AdminKey).PostAsJsonAsync("/api/competitions", new
            {
                id = "matrix-contest", name = "Matrix sprint", teamId = "alpha", participants = new[] { "anna", "ben" }, by = "call",
                start = DateTimeOffset.UtcNow.AddHours(-1).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                end = DateTimeOffset.UtcNow.AddHours(2).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            });
            contest.EnsureSuccessStatusCode();

            _clients[Caller.Anonymous] = App.Client(null);
            _clients[Caller.IngestKey] = App.Client(SalesCoachApp.IngestKey);
            _clients[Caller.ReadKey] = App.Client(SalesCoachApp.ReadKey);
            _clients[Caller.BoardToken] = App.Client(_boardToken);
            foreach (var (caller, name) in new[] { (Caller.Rep, "matrix-rep"), (Caller.OtherManager, "matrix-other"), (Caller.Manager, "matrix-manager"), (Caller.Admin, "matrix-admin") })
            {
                (_clients[caller], _cookies[caller]) = await People.SignInAsync(App, name);
            }
        }

        public Task<HttpResponseMessage> SendAsync(Caller caller, HttpRequestMessage request) => _clients[caller].SendAsync(request);

        public HubConnection Hub(Caller caller) => caller switch
        {
            Caller.Anonymous => App.Hub(null),
            Caller.IngestKey => App.Hub(SalesCoachApp.IngestKey),
            Caller.ReadKey => App.Hub(SalesCoachApp.ReadKey),
            Caller.BoardToken => App.Hub(_boardToken),
            _ => People.Hub(App, _cookies[caller]),
        };

        public Task DisposeAsync()
        {
            foreach (var client in _clients.Values)
            {
                client.Dispose();
            }

            App.Dispose();
            return Task.CompletedTask;
        }
    }
}
