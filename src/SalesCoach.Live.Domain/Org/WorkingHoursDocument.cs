using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesCoach.Live.Domain.Org;

/// <summary>A team's working days (<c>Mon</c>…<c>Sun</c>) and its day's start and end (<c>HH:mm</c>, local time).</summary>
public sealed record WorkingHoursDocument
{
    /// <summary>The day names the org file uses, in week order.</summary>
    public static readonly IReadOnlyList<string> DayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    public IReadOnlyList<string> Days { get; init; } = ["Mon", "Tue", "Wed", "Thu", "Fri"];

    public string Start { get; init; } = "09:00";

    public string End { get; init; } = "17:00";

    /// <summary>Properties the type does not name, kept as read.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; init; }
}
