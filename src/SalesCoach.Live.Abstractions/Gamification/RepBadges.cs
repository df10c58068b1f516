using SalesCoach.Live.Domain.Gamification;

namespace SalesCoach.Live.Abstractions.Gamification;

/// <summary>A badge a rep earned: the rule (<c>badge</c>), its name, the period (<c>2026-11-26</c> or <c>2026-W48</c>) and when.</summary>
[GenerateSerializer, Immutable]
public sealed record EarnedBadge(
    [property: Id(0)] string Badge,
    [property: Id(1)] string Name,
    [property: Id(2)] string Period,
    [property: Id(3)] DateTimeOffset EarnedAt)
{
    public static EarnedBadge From(BadgeAward award) => new(award.RuleId, award.Name, award.PeriodKey, award.EarnedAt);
}

/// <summary>A rep's streak and badges, oldest first (<c>GET /api/reps/{repId}/badges</c>).</summary>
[GenerateSerializer, Immutable]
public sealed record RepBadges(
    [property: Id(0)] string RepId,
    [property: Id(1)] string TeamId,
    [property: Id(2)] int Streak,
    [property: Id(3)] IReadOnlyList<EarnedBadge> Badges);
