using SalesCoach.Live.Abstractions.Gamification;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Gamification;

namespace SalesCoach.Live.Server.Tests.Gamification;

/// <summary>
/// The rules of <see cref="CompetitionRules"/>, case by case: each row changes one field of a valid request and names
/// the error key and message it must meet (or none). The clock is pinned; the org is the demo org (emea is Berlin).
/// </summary>
public sealed class CompetitionRulesTests
{
    private static readonly Organization Org = DemoOrg.Create();
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-26T08:00:00+00:00", System.Globalization.CultureInfo.InvariantCulture);

    private static readonly CompetitionRequest Valid = new(
        "sprint-1", "Thursday sprint", "emea", "reps", ["anna", "ben"], "call", "most", null, "2026-11-26T09:00", "2026-11-26T17:00", null);

    public static TheoryData<string, CompetitionRequest, string?, string?> NewCases => new()
    {
        { "valid", Valid, null, null },
        { "blank name", Valid with { Name = "  " }, "name", "must be 1 to 200 characters" },
        { "long name", Valid with { Name = new string('x', 201) }, "name", "must be 1 to 200 characters" },
        { "unknown team", Valid with { TeamId = "mars" }, "teamId", "must be a known team (its time zone and moments feed host the contest)" },
        { "bad scope", Valid with { Scope = "floors" }, "scope", "must be reps or teams" },
        { "one participant", Valid with { Participants = ["anna"] }, "participants", "must list 2 to 200 distinct participants" },
        { "repeated participant", Valid with { Participants = ["anna", "anna"] }, "participants", "must list 2 to 200 distinct participants" },
        { "unknown rep", Valid with { Participants = ["anna", "zed"] }, "participants[1]", "unknown rep" },
        { "rep in a team contest", Valid with { Scope = "teams", Participants = ["emea", "anna"] }, "participants[1]", "unknown team" },
        { "teams", Valid with { Scope = "teams", Participants = ["emea", "amer"] }, null, null },
        { "unknown basis", Valid with { By = "lunches" }, "by", "must be points, attainment or one of call, meeting, deal" },
        { "attainment", Valid with { By = "attainment" }, null, null },
        { "bad finish", Valid with { Finish = "last" }, "finish", "must be most or firstTo" },
        { "firstTo without target", Valid with { Finish = "firstTo" }, "target", "a firstTo contest needs a target above 0, on points or a metric" },
        { "firstTo on attainment", Valid with { Finish = "firstTo", Target = 1, By = "attainment" }, "target", "a firstTo contest needs a target above 0, on points or a metric" },
        { "firstTo with target", Valid with { Finish = "firstTo", Target = 30 }, null, null },
        { "bad start", Valid with { Start = "tomorrow" }, "start", "must be a local date-time in the team's zone (2026-11-26T09:00) or an instant with an offset" },
        { "missing end", Valid with { End = null }, "end", "must be a local date-time in the team's zone (2026-11-26T09:00) or an instant with an offset" },
        { "end with offset", Valid with { End = "2026-11-26T17:00:00+01:00" }, null, null },
        { "end before start", Valid with { End = "2026-11-26T08:00" }, "end", "must be after start" },
        { "end in the past", Valid with { Start = "2026-11-25T09:00", End = "2026-11-26T08:30" }, "end", "must be in the future" },
        { "93 days", Valid with { End = "2027-02-27T09:00" }, "end", "a contest lasts at most 92 days" },
        { "handicap of an outsider", Valid with { Handicaps = new() { ["chloe"] = 1.5 } }, "handicaps.chloe", "must be a rep taking part" },
        { "handicap of zero", Valid with { Handicaps = new() { ["anna"] = 0 } }, "handicaps.anna", "must be a multiplier above 0 and at most 5" },
        { "handicap above 5", Valid with { Handicaps = new() { ["anna"] = 5.5 } }, "handicaps.anna", "must be a multiplier above 0 and at most 5" },
        { "handicap in a team contest", Valid with { Scope = "teams", Participants = ["emea", "amer"], Handicaps = new() { ["isabel"] = 2 } }, null, null },
    };

    [Theory]
    [MemberData(nameof(NewCases))]
    public void A_new_competition_meets_each_rule(string name, CompetitionRequest request, string? key, string? message)
    {
        var (spec, errors) = CompetitionRules.CheckNew(request.Id!, request, Org.FindTeam(request.TeamId!), Org, Now);

        if (key is null)
        {
            Assert.True(errors.Count == 0, $"{name}: {string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value[0]}"))}");
            Assert.NotNull(spec);
        }
        else
        {
            Assert.Null(spec);
            Assert.Equal([key], errors.Keys);
            Assert.Equal([message!], errors[key]);
        }
    }

    [Theory]
    [InlineData("sprint_2-b", true)]
    [InlineData("", false)]
    [InlineData("has space", false)]
    [InlineData("ä", false)]
    public void An_id_is_1_to_64_letters_digits_dashes_or_underscores(string id, bool valid)
    {
        Assert.Equal(valid, CompetitionRules.IsId(id));
        Assert.Equal(valid, CompetitionRules.IsId(id) && CompetitionRules.CheckNew(id, Valid with { Id = id }, Org.FindTeam("emea"), Org, Now).Errors.Count == 0);
        Assert.False(CompetitionRules.IsId(new string('a', 65)));
    }

    [Fact]
    public void A_valid_competition_becomes_its_spec_with_local_times_in_the_teams_zone()
    {
        var (spec, _) = CompetitionRules.CheckNew("sprint-1", Valid with { Name = " Thursday sprint ", Handicaps = new() { ["ben"] = 1.25 } }, Org.FindTeam("emea"), Org, Now);

        Assert.NotNull(spec);
        Assert.Equal("Thursday sprint", spec.Name);
        Assert.Equal(DateTimeOffset.Parse("2026-11-26T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture), spec.Start);
        Assert.Equal(DateTimeOffset.Parse("2026-11-26T16:00:00Z", System.Globalization.CultureInfo.InvariantCulture), spec.End);
        Assert.Equal(1.25, spec.Handicaps["ben"]);
    }

    public static TheoryData<string, CompetitionChangeRequest, ContestFinish, string?, string?> ChangeCases => new()
    {
        { "new name", new("Friday sprint", null, null, null), ContestFinish.Most, null, null },
        { "blank name", new("", null, null, null), ContestFinish.Most, "name", "must be 1 to 200 characters" },
        { "later end", new(null, "2026-11-26T18:00", null, null), ContestFinish.Most, null, null },
        { "unreadable end", new(null, "soon", null, null), ContestFinish.Most, "end", "must be a local date-time in the team's zone (2026-11-26T09:00) or an instant with an offset" },
        { "end before start", new(null, "2026-11-26T07:30", null, null), ContestFinish.Most, "end", "must be after start" },
        { "end in the past", new(null, "2026-11-26T08:30", null, null), ContestFinish.Most, "end", "must be in the future" },
        { "end now", new(null, "2026-11-26T08:00:00Z", null, null), ContestFinish.Most, "end", "must be in the future" },
        { "93 days", new(null, "2027-02-27T08:00", null, null), ContestFinish.Most, "end", "a contest lasts at most 92 days" },
        { "target on most", new(null, null, 10, null), ContestFinish.Most, "target", "only a firstTo contest has a target, above 0" },
        { "target on firstTo", new(null, null, 10, null), ContestFinish.FirstTo, null, null },
        { "zero target", new(null, null, 0, null), ContestFinish.FirstTo, "target", "only a firstTo contest has a target, above 0" },
        { "handicap", new(null, null, null, new() { ["anna"] = 2 }), ContestFinish.Most, null, null },
        { "handicap of an outsider", new(null, null, null, new() { ["kate"] = 2 }), ContestFinish.Most, "handicaps.kate", "must be a rep taking part" },
        { "handicap above 5", new(null, null, null, new() { ["ben"] = 6 }), ContestFinish.Most, "handicaps.ben", "must be a multiplier above 0 and at most 5" },
    };

    [Theory]
    [MemberData(nameof(ChangeCases))]
    public void A_change_meets_each_rule(string name, CompetitionChangeRequest request, ContestFinish finish, string? key, string? message)
    {
        var contest = Running(finish);

        var (change, errors) = CompetitionRules.CheckChange(request, contest, Org.FindTeam("emea")!, Org, Now, "maria");

        if (key is null)
        {
            Assert.True(errors.Count == 0, $"{name}: {string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value[0]}"))}");
            Assert.NotNull(change);
            Assert.Equal("maria", change.ChangedBy);
        }
        else
        {
            Assert.Null(change);
            Assert.Equal([key], errors.Keys);
            Assert.Equal([message!], errors[key]);
        }
    }

    // A contest between anna and ben from 08:00 to 16:00 Berlin time (07:00 UTC), running at 08:00 UTC.
    private static ContestSnapshot Running(ContestFinish finish)
    {
        var start = DateTimeOffset.Parse("2026-11-26T07:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        return new ContestSnapshot(
            "sprint-1", "Thursday sprint", "emea", ContestScope.Reps, "call", finish, finish == ContestFinish.FirstTo ? 30 : null,
            start, start.AddHours(8), [], Now, ContestStatus.Running, null, [new("anna", "Anna", 1, 3, null), new("ben", "Ben", 2, 1, null)], []);
    }
}
