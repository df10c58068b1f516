using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesCoach.Live.Server.Views.Admin.OrgDrafts;

/// <summary>A team's working days (<c>Mon</c>…<c>Sun</c>) and its day's start and end (<c>HH:mm</c>, local time).</summary>
public sealed class WorkingHoursDraft
{
    /// <summary>The day names the org file uses, in week order.</summary>
    public static readonly IReadOnlyList<string> DayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    public List<string> Days { get; set; } = ["Mon", "Tue", "Wed", "Thu", "Fri"];

    public string Start { get; set; } = "09:00";

    public string End { get; set; } = "17:00";

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; set; }
}
