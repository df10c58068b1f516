namespace SalesCoach.Live.Domain.Gamification;

/// <summary>A badge earned: which rule, by whom, in which period (<c>2026-11-26</c> or <c>2026-W48</c>), when.</summary>
public sealed record BadgeAward(string RuleId, string Name, string RepId, string PeriodKey, DateTimeOffset EarnedAt)
{
    /// <summary>The key that makes an award unique: one per rule, rep and period.</summary>
    public string Key => BadgeBook.KeyOf(RuleId, RepId, PeriodKey);
}
