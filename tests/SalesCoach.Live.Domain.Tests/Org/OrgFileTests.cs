using SalesCoach.Live.Domain.Org;
using static SalesCoach.Live.Domain.Tests.Moments;

namespace SalesCoach.Live.Domain.Tests.Org;

/// <summary>Reading valid org files (contract section 2).</summary>
public sealed class OrgFileTests
{
    [Fact]
    public void The_contract_sample_parses_with_its_metrics()
    {
        var org = OrgFile.Parse(OrgJson.ContractSample);

        Assert.Equal(
            [
                new Metric("call", "Calls", 1),
                new Metric("meeting", "Meetings booked", 10, OutcomeOf: "call"),
                new Metric("deal", "Deals won", 50, Celebrate: true, HasValue: true),
            ],
            org.Metrics);
        Assert.Equal("call", org.FindMetric("meeting")?.OutcomeOf);
        Assert.Null(org.FindMetric("email"));
    }

    [Fact]
    public void The_contract_sample_parses_with_its_team_and_calendar()
    {
        var org = OrgFile.Parse(OrgJson.ContractSample);

        var team = Assert.Single(org.Teams);
        Assert.Equal(("emea", "EMEA SDR"), (team.Id, team.Name));
        Assert.Same(team, org.FindTeam("emea"));
        Assert.Equal("Europe/Berlin", team.Calendar.Zone.Id);
        Assert.Equal(TestCalendars.Days("Mon-Fri").ToHashSet(), team.Calendar.Days.ToHashSet());
        Assert.Equal(TimeSpan.FromHours(9), team.Calendar.DayStart);
        Assert.Equal(TimeSpan.FromHours(17), team.Calendar.DayEnd);
        Assert.Equal([Date("2026-12-25")], team.Calendar.Holidays);
        Assert.False(team.Calendar.IsWorkingDay(Date("2026-12-25")));
        Assert.Equal([new Goal("call", GoalPeriod.Day, 60), new Goal("meeting", GoalPeriod.Week, 8)], team.Goals);
        Assert.Equal(["anna", "ben"], team.Reps.Select(r => r.Id));
        Assert.All(team.Reps, rep => Assert.Same(team, org.TeamOf(rep)));
        Assert.Equal("Ben Okafor", org.FindRep("ben")?.Name);
        Assert.Null(org.FindRep("zed"));
    }

    [Theory]
    // Anna has no goals of her own: the team's apply.
    [InlineData("anna", "call", GoalPeriod.Day, 60.0)]
    [InlineData("anna", "meeting", GoalPeriod.Week, 8.0)]
    // Ben's call-per-day goal replaces the team's 60; the team's meeting goal still applies to him.
    [InlineData("ben", "call", GoalPeriod.Day, 40.0)]
    [InlineData("ben", "meeting", GoalPeriod.Week, 8.0)]
    public void A_reps_goal_overrides_the_teams_for_the_same_metric_and_period(string repId, string metric, GoalPeriod period, double target)
    {
        var rep = OrgFile.Parse(OrgJson.ContractSample).FindRep(repId)!;

        var goal = Assert.Single(rep.Goals, g => g.Metric == metric && g.Period == period);
        Assert.Equal(target, goal.Target);
        Assert.Equal(2, rep.Goals.Count);
    }

    [Fact]
    public void A_reps_goal_for_another_period_adds_to_the_teams_goals()
    {
        // Ben's own goal becomes 40 calls per week: the team's 60 calls per day still applies to him.
        var org = OrgFile.Parse(OrgJson.With(OrgJson.ContractSample, ("$.teams[0].reps[1].goals[0].period", "'week'")));

        Assert.Equal(
            [new Goal("call", GoalPeriod.Day, 60), new Goal("call", GoalPeriod.Week, 40), new Goal("meeting", GoalPeriod.Week, 8)],
            org.FindRep("ben")!.Goals.OrderBy(g => g.Metric, StringComparer.Ordinal).ThenBy(g => g.Period));
    }

    [Fact]
    public void Working_hours_default_to_Monday_to_Friday_nine_to_five()
    {
        var team = OrgFile.Parse(OrgJson.With(OrgJson.ContractSample, ("$.teams[0].workingHours", null))).Teams[0];

        Assert.Equal(TestCalendars.Days("Mon-Fri").ToHashSet(), team.Calendar.Days.ToHashSet());
        Assert.Equal(TimeSpan.FromHours(9), team.Calendar.DayStart);
        Assert.Equal(TimeSpan.FromHours(17), team.Calendar.DayEnd);
    }

    [Theory]
    [InlineData("00:00", "24:00", 0, 24)]
    [InlineData("16:00", "24:00", 16, 24)]
    [InlineData("09:30", "18:30", 9.5, 18.5)]
    public void Working_hours_may_run_up_to_midnight_written_24_00(string start, string end, double startHour, double endHour)
    {
        var calendar = OrgFile.Parse(OrgJson.With(
            OrgJson.ContractSample,
            ("$.teams[0].workingHours.start", $"'{start}'"),
            ("$.teams[0].workingHours.end", $"'{end}'"))).Teams[0].Calendar;

        Assert.Equal(TimeSpan.FromHours(startHour), calendar.DayStart);
        Assert.Equal(TimeSpan.FromHours(endHour), calendar.DayEnd);
    }

    [Fact]
    public void A_six_day_week_with_Saturday_parses()
    {
        var calendar = OrgFile.Parse(OrgJson.With(
            OrgJson.ContractSample,
            ("$.teams[0].workingHours.days", "['Mon','Tue','Wed','Thu','Fri','Sat']"))).Teams[0].Calendar;

        Assert.True(calendar.IsWorkingDay(Date("2026-11-28")));
        Assert.False(calendar.IsWorkingDay(Date("2026-11-29")));
    }

    [Fact]
    public void Comments_trailing_commas_and_unknown_properties_are_accepted()
    {
        var json = """
            // an org file written by hand
            {
              "version": 2,
              "metrics": [ { "key": "call", "name": "Calls", "points": 1, "colour": "blue", }, ],
              "teams": [ { "id": "t1", "name": "Team 1", "timeZone": "UTC", "reps": [ { "id": "r1", "name": "R One" } ], }, ],
            }
            """;

        var org = OrgFile.Parse(json);

        Assert.Equal("r1", Assert.Single(Assert.Single(org.Teams).Reps).Id);
    }

    [Fact]
    public void Load_reads_a_file_from_disk()
    {
        var path = Path.Combine(Path.GetTempPath(), $"org-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, OrgJson.ContractSample);
        try
        {
            Assert.Equal(["anna", "ben"], OrgFile.Load(path).Teams[0].Reps.Select(r => r.Id));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
