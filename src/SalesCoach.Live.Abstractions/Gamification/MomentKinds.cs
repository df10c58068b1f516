namespace SalesCoach.Live.Abstractions.Gamification;

/// <summary>The <c>kind</c> values of <see cref="Moment"/>.</summary>
public static class MomentKinds
{
    public const string Badge = "badge";

    public const string Leader = "leader";

    public const string Goal = "goal";

    public const string Deal = "deal";

    /// <summary>Hot hand: N activities within M minutes (announced once a day per rep).</summary>
    public const string HotHand = "hotHand";

    public const string Competition = "competition";
}
