using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesCoach.Live.Domain.Org;

/// <summary>A team of the org file: time zone, working hours, holidays (<c>yyyy-MM-dd</c>), default goals and reps.</summary>
public sealed record TeamDocument
{
    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    public string TimeZone { get; init; } = "UTC";

    public WorkingHoursDocument WorkingHours { get; init; } = new();

    public IReadOnlyList<string> Holidays { get; init; } = [];

    public IReadOnlyList<GoalDocument> Goals { get; init; } = [];

    public IReadOnlyList<RepDocument> Reps { get; init; } = [];

    /// <summary>Properties the type does not name, kept as read.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; init; }
}
