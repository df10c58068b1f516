using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Domain.Tests.Org;

public sealed class DemoOrgTests
{
    [Fact]
    public void The_demo_org_has_three_teams_and_the_contract_metrics()
    {
        var org = DemoOrg.Create();

        Assert.Equal(["emea", "amer", "apac"], org.Teams.Select(t => t.Id));
        Assert.Equal(["call", "meeting", "deal"], org.Metrics.Select(m => m.Key));
        Assert.Equal("call", org.FindMetric("meeting")!.OutcomeOf);
        Assert.True(org.FindMetric("deal")!.Celebrate);
    }

    [Theory]
    [InlineData("emea", "Europe/Berlin", "Mon-Fri", 9, 17)]
    [InlineData("amer", "America/New_York", "Mon-Fri", 9, 17)]
    [InlineData("apac", "Asia/Kolkata", "Mon-Sat", 9.5, 18.5)] // the half-hour offset, six-day team
    public void Each_demo_team_has_six_to_ten_reps_in_its_own_zone(string teamId, string zone, string days, double startHour, double endHour)
    {
        var org = DemoOrg.Create();
        var team = org.FindTeam(teamId)!;

        Assert.InRange(team.Reps.Count, 6, 10);
        Assert.Equal(zone, team.Calendar.Zone.Id);
        Assert.Equal(TestCalendars.Days(days).ToHashSet(), team.Calendar.Days.ToHashSet());
        Assert.Equal(TimeSpan.FromHours(startHour), team.Calendar.DayStart);
        Assert.Equal(TimeSpan.FromHours(endHour), team.Calendar.DayEnd);
        Assert.All(team.Reps, rep =>
        {
            Assert.Equal(teamId, rep.TeamId);
            Assert.Same(rep, org.FindRep(rep.Id));
            Assert.NotEmpty(rep.Goals);
        });
    }

    [Fact]
    public void Demo_rep_ids_are_unique_across_the_org()
    {
        var ids = DemoOrg.Create().Teams.SelectMany(t => t.Reps).Select(r => r.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("ben", 40.0)] // overrides EMEA's 60
    [InlineData("anna", 60.0)]
    [InlineData("noah", 30.0)] // overrides Americas' 45
    [InlineData("isabel", 45.0)]
    public void Demo_reps_own_goals_override_their_teams(string repId, double callsPerDay) =>
        Assert.Equal(callsPerDay, Assert.Single(DemoOrg.Create().FindRep(repId)!.Goals, g => g.Metric == "call" && g.Period == GoalPeriod.Day).Target);
}
