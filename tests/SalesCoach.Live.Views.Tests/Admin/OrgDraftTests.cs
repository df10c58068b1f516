using System.Text.Json;
using System.Text.Json.Nodes;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Views.Admin.OrgDrafts;

namespace SalesCoach.Live.Views.Tests.Admin;

/// <summary>
/// The drafts of the <c>/admin/org</c> page read and write a typed <see cref="OrgDocument"/>: the JSON they write is
/// the JSON the drafts wrote before (property for property, byte for byte), fields the page does not show survive an
/// edit, and a revision's own fields do not.
/// </summary>
public sealed class OrgDraftTests
{
    // Every level carries a field the page does not show, and the top level carries a revision's fields.
    private const string Rich = """
        {
          "revision": 7, "savedAt": "2026-03-02T09:00:00Z", "savedBy": "admin",
          "comment": { "owner": "ops", "tags": ["a", 1, null] },
          "metrics": [
            { "key": "call", "name": "Call", "points": 1, "color": "#123" },
            { "key": "meeting", "name": "Meeting", "points": 5, "outcomeOf": "call", "celebrate": true, "hasValue": true }
          ],
          "teams": [
            {
              "id": "emea", "name": "EMEA", "timeZone": "Europe/Berlin", "region": "eu",
              "workingHours": { "days": ["Mon", "Tue"], "start": "08:30", "end": "16:00", "note": "summer" },
              "holidays": ["2026-12-25"],
              "goals": [ { "metric": "call", "period": "day", "target": 40, "stretch": 50 } ],
              "reps": [
                { "id": "anna", "name": "Anna", "desk": 12, "goals": [ { "metric": "call", "period": "week", "target": 2.5 } ] },
                { "id": "ben", "name": "Ben", "goals": [] },
                { "id": "cleo", "name": "Cleo" }
              ]
            }
          ]
        }
        """;

    public static TheoryData<string> Documents => [DemoOrg.Json, Rich];

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_drafts_write_the_JSON_they_wrote_before(string document)
    {
        Assert.Equal(LegacyOrgDraft.Read(document).ToJson(), OrgDraft.Read(document).ToJson());
    }

    [Fact]
    public void An_edit_writes_what_the_drafts_wrote_before_for_the_same_edit()
    {
        var draft = OrgDraft.Read(Rich);
        var legacy = LegacyOrgDraft.Read(Rich);
        draft.Teams[0].Reps[0].Name = "Anna Berg";
        draft.Teams[0].Reps[0].Goals!.Clear();
        draft.Metrics.Add(new MetricDraft { Key = "demo", Name = "Demo", Points = 2 });
        draft.Teams[0].WorkingHours.Days.Add("Wed");
        legacy.Teams[0].Reps[0].Name = "Anna Berg";
        legacy.Teams[0].Reps[0].Goals!.Clear();
        legacy.Metrics.Add(new LegacyMetricDraft { Key = "demo", Name = "Demo", Points = 2 });
        legacy.Teams[0].WorkingHours.Days.Add("Wed");

        Assert.Equal(legacy.ToJson(), draft.ToJson());
    }

    [Fact]
    public void Fields_the_page_does_not_show_survive_an_edit_at_every_level()
    {
        var draft = OrgDraft.Read(Rich);
        draft.Teams[0].Name = "Europe";
        draft.Metrics[0].Points = 2;

        var written = JsonNode.Parse(draft.ToJson())!;

        Assert.Equal("ops", (string?)written["comment"]!["owner"]);
        Assert.Equal("#123", (string?)written["metrics"]![0]!["color"]);
        Assert.Equal(2, (int?)written["metrics"]![0]!["points"]);
        Assert.Equal("eu", (string?)written["teams"]![0]!["region"]);
        Assert.Equal("Europe", (string?)written["teams"]![0]!["name"]);
        Assert.Equal("summer", (string?)written["teams"]![0]!["workingHours"]!["note"]);
        Assert.Equal(50, (int?)written["teams"]![0]!["goals"]![0]!["stretch"]);
        Assert.Equal(12, (int?)written["teams"]![0]!["reps"]![0]!["desk"]);
    }

    [Fact]
    public void A_revision_s_own_fields_are_dropped_and_reps_without_goals_of_their_own_write_none()
    {
        var written = JsonNode.Parse(OrgDraft.Read(Rich).ToJson())!.AsObject();

        Assert.False(written.ContainsKey("revision"));
        Assert.False(written.ContainsKey("savedAt"));
        Assert.False(written.ContainsKey("savedBy"));
        Assert.False(written["teams"]![0]!["reps"]![1]!.AsObject().ContainsKey("goals"));
        Assert.False(written["teams"]![0]!["reps"]![2]!.AsObject().ContainsKey("goals"));
        Assert.Equal(2.5, (double?)written["teams"]![0]!["reps"]![0]!["goals"]![0]!["target"]);
    }

    [Fact]
    public void What_the_drafts_write_is_an_org_file_that_runs_like_the_one_read()
    {
        var org = OrgFile.Parse(OrgDraft.Read(DemoOrg.Json).ToJson());
        var demo = OrgFile.Parse(DemoOrg.Json);

        Assert.Equal(demo.Metrics, org.Metrics);
        Assert.Equal(demo.Teams.SelectMany(t => t.Reps).Select(r => (r.Id, r.TeamId, r.Goals.Count)), org.Teams.SelectMany(t => t.Reps).Select(r => (r.Id, r.TeamId, r.Goals.Count)));
    }

    [Fact]
    public void A_value_that_does_not_fit_the_form_is_refused()
    {
        Assert.ThrowsAny<JsonException>(() => OrgDraft.Read("""{ "metrics": [ { "key": "call", "points": "many" } ], "teams": [] }"""));
    }
}
