using System.Globalization;
using System.Text.Json;

namespace SalesCoach.Live.Server.Views.Reps;

/// <summary>A rep's badges and streak, read from the gamification grain's JSON.</summary>
public sealed record BadgeShelf(int Streak, IReadOnlyList<(string Name, DateTimeOffset EarnedAt)> Badges)
{
    public static BadgeShelf Empty { get; } = new(0, []);

    public static BadgeShelf Read(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var badges = new List<(string, DateTimeOffset)>();
        if (root.TryGetProperty("badges", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var b in list.EnumerateArray())
            {
                var name = b.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "";
                var earned = b.TryGetProperty("earnedAt", out var e)
                    && DateTimeOffset.TryParse(e.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : DateTimeOffset.MinValue;
                badges.Add((name, earned));
            }
        }

        var streak = root.TryGetProperty("streak", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : 0;
        return new BadgeShelf(streak, badges.OrderByDescending(b => b.Item2).ToList());
    }
}
