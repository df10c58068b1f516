using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Domain.Tests.Org;

public sealed class RuleChangesTests
{
    [Fact]
    public void The_same_org_has_no_rule_changes()
    {
        Assert.Empty(RuleChanges.Between(OrgFile.Parse(OrganizationReplaceTests.Before), OrgFile.Parse(OrganizationReplaceTests.Before)));
    }

    [Fact]
    public void Every_changed_rule_is_listed_with_its_old_and_new_value()
    {
        var changes = RuleChanges.Between(OrgFile.Parse(OrganizationReplaceTests.Before), OrgFile.Parse(OrganizationReplaceTests.After));

        Assert.Contains(new RuleChange(RuleChangeKinds.Points, null, null, "call", "1", "2", "Points of Calls 1 → 2"), changes);
        Assert.Contains(new RuleChange(RuleChangeKinds.WorkingHours, "emea", null, null, "Mon,Tue,Wed,Thu,Fri 09:00-17:00", "Mon,Tue,Wed,Thu,Fri 08:00-16:00",
            "Working hours of EMEA Mon,Tue,Wed,Thu,Fri 09:00-17:00 → Mon,Tue,Wed,Thu,Fri 08:00-16:00"), changes);
        Assert.Contains(new RuleChange(RuleChangeKinds.Holidays, "emea", null, null, "2026-12-25", "2026-12-24, 2026-12-25",
            "Holidays of EMEA: added 2026-12-24"), changes);
        Assert.Contains(new RuleChange(RuleChangeKinds.TeamGoal, "emea", null, "call", "60", "80", "Team goal of EMEA for Calls per day 60 → 80"), changes);
        Assert.Contains(new RuleChange(RuleChangeKinds.Goal, "emea", "anna", "call", "60", "80", "Goal of Anna for Calls per day 60 → 80"), changes);
        Assert.Contains(changes, c => c is { Kind: RuleChangeKinds.RepAdded, RepId: "dora", TeamId: "emea" });
        Assert.Contains(changes, c => c is { Kind: RuleChangeKinds.RepRemoved, RepId: "cleo", TeamId: "amer" });
        // Ben keeps his own override of 40, so the team default moving does not move his goal.
        Assert.DoesNotContain(changes, c => c.RepId == "ben");
    }

    [Fact]
    public void A_rep_moved_to_another_team_is_one_change_of_that_rep()
    {
        var before = OrgFile.Parse(OrganizationReplaceTests.Before);
        var after = OrgFile.Parse(OrganizationReplaceTests.Before.Replace(
            """{ "id": "cleo", "name": "Cleo" }""", """{ "id": "cleo", "name": "Cleo" }, { "id": "anna", "name": "Anna" }""")
            .Replace("""{ "id": "anna", "name": "Anna" }, { "id": "ben",""", """{ "id": "ben","""));

        var changes = RuleChanges.Between(before, after);

        var moved = Assert.Single(changes, c => c.Kind == RuleChangeKinds.RepMoved);
        Assert.Equal(("anna", "emea", "amer"), (moved.RepId, moved.Before, moved.After));
        Assert.Equal("Anna moved from team EMEA to team AMER", moved.Text);
        // AMER has no call goal, so Anna's goal of 60 calls a day is gone.
        Assert.Contains(new RuleChange(RuleChangeKinds.Goal, "amer", "anna", "call", "60", null, "Goal of Anna for Calls per day 60 → none"), changes);
    }

    [Theory]
    [InlineData(RuleChangeKinds.Goal, "emea", "anna", "anna", true)]
    [InlineData(RuleChangeKinds.Goal, "emea", "ben", "anna", false)]
    [InlineData(RuleChangeKinds.WorkingHours, "emea", null, "anna", true)]
    [InlineData(RuleChangeKinds.WorkingHours, "amer", null, "anna", false)]
    [InlineData(RuleChangeKinds.TeamGoal, "emea", null, "anna", false)]
    [InlineData(RuleChangeKinds.Points, null, null, "anna", true)]
    public void A_change_concerns_the_rep_it_names_their_team_calendar_and_every_metric(string kind, string? team, string? rep, string who, bool concerns)
    {
        var change = new RuleChange(kind, team, rep, null, null, null, "");

        Assert.Equal(concerns, change.Concerns(who, ["emea"]));
    }

    [Fact]
    public void Removing_a_metric_is_refused_naming_the_metrics_path()
    {
        var current = OrgFile.Parse(OrganizationReplaceTests.Before);
        var proposed = OrgFile.Parse(OrganizationReplaceTests.Before.Replace(""", { "key": "deal", "name": "Deals", "points": 50, "celebrate": true }""", ""));

        var problem = Assert.Single(OrgEditRules.Check(current, proposed));

        Assert.Equal("$.metrics", problem.Path);
        Assert.Contains("'deal'", problem.Message);
        Assert.Empty(OrgEditRules.Check(current, OrgFile.Parse(OrganizationReplaceTests.After)));
    }

    [Fact]
    public void Removing_a_team_is_refused_and_emptying_it_is_not()
    {
        var current = OrgFile.Parse(OrganizationReplaceTests.Before);
        // The org file reader takes the trailing comma this leaves.
        var withoutAmer = OrgFile.Parse(OrganizationReplaceTests.Before.Replace(
            """{ "id": "amer", "name": "AMER", "timeZone": "America/New_York", "reps": [ { "id": "cleo", "name": "Cleo" } ] }""", ""));

        var problem = Assert.Single(OrgEditRules.Check(current, withoutAmer));

        Assert.Equal("$.teams", problem.Path);
        Assert.Contains("'amer'", problem.Message);
        Assert.Null(withoutAmer.FindTeam("amer"));
    }
}
