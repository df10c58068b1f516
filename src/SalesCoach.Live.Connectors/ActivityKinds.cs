namespace SalesCoach.Live.Connectors;

/// <summary>The kinds of vendor record of connectors-v1.md section 2.</summary>
public static class ActivityKinds
{
    /// <summary>A connected / completed call, at the time it happened.</summary>
    public const string Call = "call";

    /// <summary>A meeting created, at the time it was booked.</summary>
    public const string MeetingBooked = "meetingBooked";

    /// <summary>A meeting that took place, at its start.</summary>
    public const string MeetingHeld = "meetingHeld";

    /// <summary>A deal closed won, at its close time, value = its amount.</summary>
    public const string DealWon = "dealWon";

    public static IReadOnlyList<string> All { get; } = [Call, MeetingBooked, MeetingHeld, DealWon];

    /// <summary>The kind as written here when <paramref name="name"/> names one (case-insensitive), else null.</summary>
    public static string? Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        foreach (var kind in All)
        {
            if (string.Equals(kind, name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        return null;
    }
}
