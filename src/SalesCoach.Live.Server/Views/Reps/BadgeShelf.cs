using SalesCoach.Live.Abstractions.Gamification;

namespace SalesCoach.Live.Server.Views.Reps;

/// <summary>A rep's badges (latest first) and streak, from the gamification grain's <see cref="RepBadges"/>.</summary>
public sealed record BadgeShelf(int Streak, IReadOnlyList<(string Name, DateTimeOffset EarnedAt)> Badges)
{
    public static BadgeShelf Empty { get; } = new(0, []);

    public static BadgeShelf From(RepBadges badges) =>
        new(badges.Streak, [.. badges.Badges.Select(b => (b.Name, b.EarnedAt)).OrderByDescending(b => b.EarnedAt)]);
}
