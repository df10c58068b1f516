using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Server.Views.Admin.OrgDrafts;

/// <summary>A goal being edited: a target for a metric over a period (team default or rep override).</summary>
public sealed class GoalDraft
{
    public string Metric { get; set; } = "";

    public string Period { get; set; } = "day";

    public double Target { get; set; }

    /// <summary>The goal as read, whose fields the page does not show are written back unchanged.</summary>
    private GoalDocument Origin { get; init; } = new();

    public static GoalDraft From(GoalDocument goal) => new() { Origin = goal, Metric = goal.Metric, Period = goal.Period, Target = goal.Target };

    public GoalDocument ToDocument() => Origin with { Metric = Metric, Period = Period, Target = Target };
}
