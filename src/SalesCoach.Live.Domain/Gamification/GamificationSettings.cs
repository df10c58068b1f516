namespace SalesCoach.Live.Domain.Gamification;

/// <summary>
/// The tunable parts of gamification: how attainment weighs and caps goals, what makes a hot hand, and the badge table.
/// <see cref="Default"/> is the product's behaviour without any configuration.
/// </summary>
public sealed record GamificationSettings(AttainmentSettings Attainment, HotHand HotHand, IReadOnlyList<BadgeRule> Badges)
{
    /// <summary>Attainment capped at 1.5 with every metric weighing 1, ten activities in thirty minutes, the shipped badges.</summary>
    public static GamificationSettings Default { get; } = new(AttainmentSettings.Default, HotHand.Default, BadgeRules.Default);
}
