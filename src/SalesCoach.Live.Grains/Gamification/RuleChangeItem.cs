namespace SalesCoach.Live.Grains.Gamification;

/// <summary>
/// One field of a rule change. <see cref="Field"/> is <c>name</c>, <c>end</c>, <c>target</c> or
/// <c>handicaps.{repId}</c>; values are kept as text (an end as an instant, a missing handicap as null) so the log reads
/// the same whatever the field.
/// </summary>
public sealed class RuleChangeItem
{
    public string Field { get; set; } = "";

    public string? From { get; set; }

    public string? To { get; set; }
}
