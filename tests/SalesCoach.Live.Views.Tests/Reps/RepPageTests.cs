using Bunit;
using SalesCoach.Live.Abstractions.Coaching;
using SalesCoach.Live.Domain.Coaching;
using SalesCoach.Live.Server.Audit;
using SalesCoach.Live.Server.Coaching;
using SalesCoach.Live.Server.Views.Reps;
using SalesCoach.Live.Views.Tests.Infrastructure;
using static SalesCoach.Live.Views.Tests.Infrastructure.BoardJsonBuilder;

namespace SalesCoach.Live.Views.Tests.Reps;

/// <summary>The rep drill-down: today's entries, the week, goals, notes and the note form; only for the rep's coaches.</summary>
public sealed class RepPageTests : ViewContext
{
    public RepPageTests()
    {
        var rep = Org.FindRep("ben")!;
        var team = Org.TeamOf(rep);
        RepFile.Days["ben"] = new RepDay(
            rep,
            team,
            Line(Row("ben", "Ben Okafor", 2, 23, Cell(13, 40, 13))),
            [
                new AuditEntry("a1", "activity", null, "call", 10, null, 10, "2026-11-26T09:20:00+01:00", "2026-11-26T09:20:01+01:00", "dialer"),
                new AuditEntry("a2", "activity", null, "call", 3, null, 3, "2026-11-26T10:05:00+01:00", "2026-11-26T10:05:01+01:00", "dialer"),
                new AuditEntry("void:a2", "void", "a2", "call", -3, null, -3, "2026-11-26T10:05:00+01:00", "2026-11-26T10:07:00+01:00", "void"),
            ],
            [(new DateOnly(2026, 11, 23), new Dictionary<string, int> { ["call"] = 41 }), (new DateOnly(2026, 11, 26), new Dictionary<string, int> { ["call"] = 10 })],
            "call",
            [new CurvePoint("09:00", Now.AddMinutes(-90), 0, 0), new CurvePoint("10:00", Now.AddMinutes(-30), 10, 5), new CurvePoint("10:30", Now, 10, 7.5)],
            rep.Goals,
            BadgeShelf.Empty,
            Now.ToOffset(TimeSpan.FromHours(1)));
        RepFile.Notes.Add(new NoteWithEffect(
            new CoachingNote("n0", "ben", new DateOnly(2026, 11, 18), "call", "Call blocks <b>before</b> lunch", [new CoachingAction("Two blocks a day", new DateOnly(2026, 11, 25))], 45, "mia", Now),
            new CoachingEffectFigures(3, 3, 0.6, 0.9, null, null, "Calls pace 60% → 90% in the 3 working days after the 1:1")));
    }

    [Fact]
    public void The_drill_down_shows_todays_entries_with_points_the_week_and_the_notes()
    {
        var cut = Render<RepPage>(p => p.Add(x => x.RepId, "ben").AddCascadingValue(SignedIn(People.Manager("emea"))));

        var entries = cut.FindAll("[data-testid=timeline] li");
        // Newest first; the void is struck through and takes its points back.
        Assert.Equal(["void", "activity", "activity"], entries.Select(e => e.GetAttribute("data-kind")));
        Assert.Contains("(voided)", entries[0].TextContent, StringComparison.Ordinal);
        Assert.EndsWith("-3", entries[0].TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("10 × Calls", entries[2].TextContent, StringComparison.Ordinal);
        Assert.Equal(["Mon 23 Nov", "Thu 26 Nov"], cut.FindAll("[data-testid=week] tbody tr td:first-child").Select(td => td.TextContent));
        Assert.Equal("onPace", cut.Find("[data-testid=pace-table] tr[data-metric=call] td[data-status]").GetAttribute("data-status"));

        var note = cut.Find("[data-testid=notes] .note");
        Assert.Contains("Call blocks <b>before</b> lunch", note.TextContent, StringComparison.Ordinal);
        Assert.Empty(note.QuerySelectorAll("b"));
        Assert.Contains("Two blocks a day — follow up Wed 25 Nov", note.TextContent, StringComparison.Ordinal);
        Assert.Contains("Calls pace 60% → 90%", note.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_note_written_on_the_page_goes_through_the_rep_file_and_is_listed()
    {
        var cut = Render<RepPage>(p => p.Add(x => x.RepId, "ben").AddCascadingValue(SignedIn(People.Manager("emea"))));

        cut.Find("textarea[data-field=discussed]").Input("Objection handling");
        cut.Find("[data-testid=note-form]").Submit();

        var (repId, request, author) = Assert.Single(RepFile.Written);
        Assert.Equal(("ben", "Objection handling", "2026-11-26", "call", 30, "mia"), (repId, request.Discussed, request.HeldOn, request.FocusMetric, request.Minutes, author));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=notes] .note").Count));
    }

    [Fact]
    public void A_refused_note_shows_the_problem_beside_its_field_and_lists_nothing_new()
    {
        var cut = Render<RepPage>(p => p.Add(x => x.RepId, "ben").AddCascadingValue(SignedIn(People.Manager("emea"))));

        cut.Find("[data-testid=note-form]").Submit();

        Assert.Contains("must say what was discussed", cut.Find("[data-testid=note-form]").TextContent, StringComparison.Ordinal);
        Assert.Single(cut.FindAll("[data-testid=notes] .note"));
    }

    [Theory]
    [InlineData("rep")]
    [InlineData("other-manager")]
    public void Only_the_reps_coaches_may_open_it(string who)
    {
        var user = who == "rep" ? People.Rep("anna", "emea") : People.Manager("amer");

        var cut = Render<RepPage>(p => p.Add(x => x.RepId, "ben").AddCascadingValue(SignedIn(user)));

        Assert.NotNull(cut.Find("[data-testid=forbidden]"));
        Assert.Empty(cut.FindAll("[data-testid=timeline], [data-testid=notes]"));
    }
}
