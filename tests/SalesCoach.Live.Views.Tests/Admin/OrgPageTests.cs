using System.Text.Json.Nodes;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using SalesCoach.Live.Server.Accounts;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.OrgSetup;
using SalesCoach.Live.Server.Views.Admin;
using SalesCoach.Live.Server.Views.Layout;
using SalesCoach.Live.Storage.Org;
using SalesCoach.Live.Views.Tests.Infrastructure;

namespace SalesCoach.Live.Views.Tests.Admin;

/// <summary>
/// The org editor page: it shows the stored org, saves the edited document through <see cref="OrgEditor"/> with the
/// revision it read, says so when someone saved in between, lists validation problems in words, and is for admins only.
/// </summary>
public sealed class OrgPageTests : ViewContext
{
    /// <summary>The page is large (three teams of forms): a busy two-core machine needs more than the default second.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly RecordingOrgStore _store;

    public OrgPageTests()
        : this(new RecordingOrgStore())
    {
    }

    private OrgPageTests(RecordingOrgStore store)
        : base(context =>
        {
            var services = context.Services;
            context.Authorization = context.AddAuthorization();
            // Made by a factory, so the context's services dispose it (and its file) with the context.
            services.AddSingleton<IOrgStore>(_ => store);
            services.AddSingleton<OrgHistory>();
            services.AddSingleton<OrgEditor>();
        }) => _store = store;

    /// <summary>The demo org with markup in a rep's and a team's name, as revision 1.</summary>
    private async Task SeedAsync()
    {
        var document = JsonNode.Parse(DemoOrg.Json)!.AsObject();
        document["teams"]![0]!["reps"]![0]!["name"] = "Anna <b>Berg</b>";
        document["teams"]![1]!["name"] = "Americas <i>AE</i>";
        await _store.SaveElsewhereAsync(document.ToJsonString(), 0);
    }

    /// <summary>The page, once it has read the org and the revision list.</summary>
    private IRenderedComponent<OrgPage> RenderPage()
    {
        var cut = Render<OrgPage>(p => p.AddCascadingValue(SignedIn(People.Admin())));
        cut.WaitForElement("[data-testid=org-revisions] tbody tr", Patience);
        return cut;
    }

    private static string ValueOf(IRenderedComponent<OrgPage> cut, string field) =>
        cut.Find($"input[data-field=\"{field}\"]").GetAttribute("value") ?? "";

    [Fact]
    public async Task The_page_shows_the_stored_org_with_names_escaped_and_the_revisions()
    {
        await SeedAsync();
        var cut = RenderPage();

        Assert.Contains("revision 1", cut.Find("[data-testid=org-revision]").TextContent, StringComparison.Ordinal);
        Assert.Equal(3, cut.FindAll("[data-team-id]").Count);
        Assert.Equal("60", ValueOf(cut, "teams[0].goals[0].target"));
        Assert.Equal("Europe/Berlin", ValueOf(cut, "teams[0].timeZone"));
        Assert.Equal("ben", ValueOf(cut, "teams[0].reps[1].id"));
        Assert.Equal("Anna <b>Berg</b>", ValueOf(cut, "teams[0].reps[0].name"));
        Assert.Equal("Meetings booked", ValueOf(cut, "metrics[1].name"));
        var amer = cut.Find("[data-team-id=amer] h6");
        Assert.Contains("Americas <i>AE</i>", amer.TextContent, StringComparison.Ordinal);
        Assert.Empty(amer.QuerySelectorAll("i"));
        Assert.Single(cut.FindAll("[data-testid=org-revisions] tbody tr"));
    }

    [Fact]
    public async Task Saving_a_changed_goal_target_sends_the_whole_document_with_the_revision_it_was_based_on()
    {
        await SeedAsync();
        var cut = RenderPage();

        cut.Find("input[data-field=\"teams[0].goals[0].target\"]").Change("75");
        cut.Find("[data-testid=save-org]").Click();

        cut.WaitForAssertion(() => Assert.Contains("revision 2", cut.Find("[data-testid=org-saved]").TextContent, StringComparison.Ordinal), Patience);
        var (saved, basedOn) = Assert.Single(_store.Saves);
        Assert.Equal(1, basedOn);
        Assert.Equal("ada", saved.SavedBy);
        var document = JsonNode.Parse(saved.Document)!;
        Assert.Equal(75, document["teams"]![0]!["goals"]![0]!["target"]!.GetValue<double>());
        Assert.Equal(45, document["teams"]![1]!["goals"]![0]!["target"]!.GetValue<double>());
        Assert.Equal("Anna <b>Berg</b>", document["teams"]![0]!["reps"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(3, document["metrics"]!.AsArray().Count);
        Assert.Null(document["revision"]);
        Assert.Equal(2, Org.Revision);
        Assert.Equal(75, Org.Teams.Single(t => t.Id == "emea").Goals.First(g => g.Metric == "call" && g.Period == GoalPeriod.Day).Target);
        Assert.Contains("revision 2", cut.Find("[data-testid=org-revision]").TextContent, StringComparison.Ordinal);
        Assert.Equal(2, cut.FindAll("[data-testid=org-revisions] tbody tr").Count);
    }

    [Fact]
    public async Task A_revision_saved_in_between_asks_to_reload_and_saves_nothing()
    {
        await SeedAsync();
        var cut = RenderPage();
        await _store.SaveElsewhereAsync(DemoOrg.Json, 1);

        cut.Find("input[data-field=\"teams[0].goals[0].target\"]").Change("75");
        cut.Find("[data-testid=save-org]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Someone else changed the org", cut.Find("[data-testid=org-stale]").TextContent, StringComparison.Ordinal), Patience);
        Assert.Contains("the newest is revision 2", cut.Find("[data-testid=org-stale]").TextContent, StringComparison.Ordinal);
        Assert.Empty(_store.Saves);
        Assert.Empty(cut.FindAll("[data-testid=org-saved]"));

        cut.Find("[data-testid=org-reload]").Click();
        cut.WaitForAssertion(() => Assert.Contains("revision 2", cut.Find("[data-testid=org-revision]").TextContent, StringComparison.Ordinal), Patience);
        Assert.Equal("60", ValueOf(cut, "teams[0].goals[0].target"));
        Assert.Empty(cut.FindAll("[data-testid=org-stale]"));
    }

    [Fact]
    public async Task Validation_problems_are_listed_in_words_and_marked_on_the_field()
    {
        await SeedAsync();
        var cut = RenderPage();

        cut.Find("input[data-field=\"teams[0].reps[1].id\"]").Change("anna");
        cut.Find("[data-testid=save-org]").Click();

        var problem = cut.WaitForElement("[data-testid=org-problems] li[data-path=\"$.teams[0].reps[1].id\"]", Patience);
        Assert.Contains("team \"EMEA SDR\" › rep \"Ben Okafor\" › id", problem.TextContent, StringComparison.Ordinal);
        Assert.Contains("used twice", problem.TextContent, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("input[data-field=\"teams[0].reps[1].id\"]").Closest(".mud-input-error"));
        Assert.Null(cut.Find("input[data-field=\"teams[0].reps[0].id\"]").Closest(".mud-input-error"));
        Assert.Empty(_store.Saves);
        Assert.Equal(1, (await _store.GetLatestAsync())!.Revision);
    }

    [Theory]
    // Columns: what is typed into Ben's e-mail field, the e-mail saved ('-' for none) or the problem reported on the field.
    [InlineData("ben.o@example.com", "ben.o@example.com", null)]
    [InlineData("  Ben.O@Example.com ", "Ben.O@Example.com", null)] // trimmed, case kept
    [InlineData("", "-", null)] // emptied: the rep has none
    [InlineData("ben.okafor", null, "'ben.okafor' is not a valid e-mail address")]
    [InlineData("ANNA.BERG@example.com", null, "e-mail 'ANNA.BERG@example.com' is used twice")] // Anna's, in another case
    public async Task A_reps_email_is_shown_edited_and_checked_on_its_field(string typed, string? saved, string? problem)
    {
        await SeedAsync();
        var cut = RenderPage();
        Assert.Equal("anna.berg@example.com", ValueOf(cut, "teams[0].reps[0].email"));
        Assert.Equal("ben.okafor@example.com", ValueOf(cut, "teams[0].reps[1].email"));

        cut.Find("input[data-field=\"teams[0].reps[1].email\"]").Change(typed);
        cut.Find("[data-testid=save-org]").Click();

        if (problem is not null)
        {
            var listed = cut.WaitForElement("[data-testid=org-problems] li[data-path=\"$.teams[0].reps[1].email\"]", Patience);
            Assert.Contains("team \"EMEA SDR\" › rep \"Ben Okafor\" › email", listed.TextContent, StringComparison.Ordinal);
            Assert.Contains(problem, listed.TextContent, StringComparison.Ordinal);
            Assert.NotNull(cut.Find("input[data-field=\"teams[0].reps[1].email\"]").Closest(".mud-input-error"));
            Assert.Null(cut.Find("input[data-field=\"teams[0].reps[0].email\"]").Closest(".mud-input-error"));
            Assert.Empty(_store.Saves);
            return;
        }

        cut.WaitForAssertion(() => Assert.Contains("revision 2", cut.Find("[data-testid=org-saved]").TextContent, StringComparison.Ordinal), Patience);
        var ben = JsonNode.Parse(Assert.Single(_store.Saves).Revision.Document)!["teams"]![0]!["reps"]![1]!.AsObject();
        Assert.Equal(saved, ben["email"]?.GetValue<string>() ?? "-");
        Assert.Equal(saved == "-" ? null : saved, Org.FindRep("ben")!.Email);
        Assert.Equal("anna.berg@example.com", Org.FindRep("anna")!.Email);
        if (saved != "-")
        {
            Assert.Equal("ben", Org.FindRepByEmail(saved!.ToUpperInvariant())?.Id);
        }
    }

    [Fact]
    public async Task The_json_tab_saves_through_the_same_path_and_reports_a_removed_metric()
    {
        await SeedAsync();
        var cut = RenderPage();
        // The tabs render again once they have measured themselves: click the header as it is now, until it takes.
        cut.WaitForAssertion(() => cut.FindAll(".mud-tab").Single(t => t.TextContent.Contains("Edit as JSON", StringComparison.Ordinal)).Click(), Patience);

        var json = JsonNode.Parse(cut.WaitForElement("textarea[data-field=json]", Patience).TextContent)!.AsObject();
        json["metrics"]!.AsArray().RemoveAt(2);
        cut.Find("textarea[data-field=json]").Change(json.ToJsonString());
        cut.Find("[data-testid=save-org-json]").Click();

        Assert.Contains("deal", cut.WaitForElement("[data-testid=org-problems]", Patience).TextContent, StringComparison.Ordinal);
        Assert.Empty(_store.Saves);
    }

    [Fact]
    public async Task Only_an_admin_may_open_the_page()
    {
        await SeedAsync();
        var authorization = Authorization!;
        authorization.SetAuthorized("mia");
        authorization.SetRoles(AccountRoles.Manager);
        RenderFragment<AuthenticationState> refused = _ => b =>
        {
            b.OpenComponent<AccessDenied>(0);
            b.CloseComponent();
        };
        var route = new RouteData(typeof(OrgPage), new Dictionary<string, object?>());

        var manager = Render<AuthorizeRouteView>(p => p.Add(x => x.RouteData, route).Add(x => x.NotAuthorized, refused));
        Assert.Contains("403", manager.Find("[data-testid=forbidden]").TextContent, StringComparison.Ordinal);
        Assert.Empty(manager.FindAll("[data-testid=org-revision]"));

        authorization.SetRoles(AccountRoles.Admin);
        var admin = Render<AuthorizeRouteView>(p => p.Add(x => x.RouteData, route).Add(x => x.NotAuthorized, refused));
        admin.WaitForElement("[data-testid=org-revision]", Patience);
        Assert.Empty(admin.FindAll("[data-testid=forbidden]"));
    }
}
