using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Server.Views.Admin.OrgDrafts;

/// <summary>A team's working days (<c>Mon</c>…<c>Sun</c>) and its day's start and end (<c>HH:mm</c>, local time).</summary>
public sealed class WorkingHoursDraft
{
    /// <summary>The day names the org file uses, in week order.</summary>
    public static readonly IReadOnlyList<string> DayNames = WorkingHoursDocument.DayNames;

    public List<string> Days { get; set; } = ["Mon", "Tue", "Wed", "Thu", "Fri"];

    public string Start { get; set; } = "09:00";

    public string End { get; set; } = "17:00";

    /// <summary>The working hours as read, whose fields the page does not show are written back unchanged.</summary>
    private WorkingHoursDocument Origin { get; init; } = new();

    public static WorkingHoursDraft From(WorkingHoursDocument hours) => new() { Origin = hours, Days = [.. hours.Days], Start = hours.Start, End = hours.End };

    public WorkingHoursDocument ToDocument() => Origin with { Days = [.. Days], Start = Start, End = End };
}
