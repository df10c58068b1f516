using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Demo;
using SalesCoach.Live.Server.Tests.Infrastructure;

namespace SalesCoach.Live.Server.Tests.Security;

/// <summary>
/// Demo mode's TV links carry board tokens only (read-only, their board's teams), the admin key is printed once and
/// labelled, and the links survive a restart.
/// </summary>
public sealed class DemoLinkTests
{
    private static readonly HttpStatusCode[] Denied = [HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden];

    private const string DemoKey = "demo-admin-key-for-tests-0000001";

    private static Dictionary<string, string?> Demo() => new()
    {
        ["Demo:Enabled"] = "true",
        ["Demo:Backfill"] = "false",
        ["Demo:ApiKey"] = DemoKey,
        ["Demo:AccountPassword"] = "demo-password-for-tests",
    };

    [Fact]
    public async Task Tv_links_carry_read_only_board_tokens_of_their_team_and_the_admin_key_is_printed_once()
    {
        IReadOnlyList<DemoBoards.Link> links;
        string dataDirectory;
        using (var app = new SalesCoachApp(settings: Demo()))
        {
            dataDirectory = app.DataDirectory;
            links = await app.Services.GetRequiredService<DemoBoards>().LinksAsync();
            var org = app.Services.GetRequiredService<Organization>();
            var banner = DemoExtensions.Banner("http://localhost:5080", org, DemoKey, "pw", links);

            var withKey = banner.Where(l => l.Contains(DemoKey, StringComparison.Ordinal)).ToList();
            Assert.Single(withKey);
            Assert.Contains("Admin API key", withKey[0], StringComparison.Ordinal);
            var tvLines = banner.Where(l => l.Contains("/wallboard/", StringComparison.Ordinal)).ToList();
            Assert.Equal(org.Teams.Count + 1, tvLines.Count);
            Assert.All(links, link => Assert.StartsWith("wbt_", link.Token, StringComparison.Ordinal));
            Assert.All(links, link => Assert.Contains(tvLines, l => l.Contains("?token=" + link.Token, StringComparison.Ordinal)));

            foreach (var team in org.Teams)
            {
                var link = Assert.Single(links, l => l.BoardId == $"demo-{team.Id}");
                var tv = app.Client(link.Token);
                Assert.Equal(HttpStatusCode.OK, (await tv.GetAsync($"/api/teams/{team.Id}/board")).StatusCode);
                var otherTeam = org.Teams.First(t => t.Id != team.Id).Id;
                Assert.Contains((await tv.GetAsync($"/api/teams/{otherTeam}/board")).StatusCode, Denied);
                Assert.Contains((await tv.GetAsync("/api/wallboards")).StatusCode, Denied);
                Assert.Contains((await tv.GetAsync("/api/admin/users")).StatusCode, Denied);
                Assert.Contains((await tv.PostAsync("/api/activities", new StringContent("[]", System.Text.Encoding.UTF8, "application/json"))).StatusCode, Denied);
            }
        }

        using var restarted = new SalesCoachApp(dataDirectory, Demo());
        var again = await restarted.Services.GetRequiredService<DemoBoards>().LinksAsync();
        Assert.Equal(links.Select(l => l.Token), again.Select(l => l.Token));
        Assert.Equal(HttpStatusCode.OK, (await restarted.Client(links[0].Token).GetAsync($"/api/teams/{links[0].BoardId["demo-".Length..]}/board")).StatusCode);
    }
}
