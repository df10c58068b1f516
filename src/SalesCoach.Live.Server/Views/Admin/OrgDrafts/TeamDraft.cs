using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Server.Views.Admin.OrgDrafts;

/// <summary>A team being edited: its time zone, working hours, holidays, default goals and reps.</summary>
public sealed class TeamDraft
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string TimeZone { get; set; } = "UTC";

    public WorkingHoursDraft WorkingHours { get; set; } = new();

    public List<string> Holidays { get; set; } = [];

    public List<GoalDraft> Goals { get; set; } = [];

    public List<RepDraft> Reps { get; set; } = [];

    /// <summary>The team as read, whose fields the page does not show are written back unchanged.</summary>
    private TeamDocument Origin { get; init; } = new();

    public static TeamDraft From(TeamDocument team) => new()
    {
        Origin = team,
        Id = team.Id,
        Name = team.Name,
        TimeZone = team.TimeZone,
        WorkingHours = WorkingHoursDraft.From(team.WorkingHours),
        Holidays = [.. team.Holidays],
        Goals = [.. team.Goals.Select(GoalDraft.From)],
        Reps = [.. team.Reps.Select(RepDraft.From)],
    };

    public TeamDocument ToDocument() => Origin with
    {
        Id = Id,
        Name = Name,
        TimeZone = TimeZone,
        WorkingHours = WorkingHours.ToDocument(),
        Holidays = [.. Holidays],
        Goals = [.. Goals.Select(g => g.ToDocument())],
        Reps = [.. Reps.Select(r => r.ToDocument())],
    };
}
