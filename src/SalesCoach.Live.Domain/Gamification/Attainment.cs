namespace SalesCoach.Live.Domain.Gamification;

/// <summary>
/// The attainment score: the weighted average of <c>min(actual / expected, cap)</c> over a rep's goals, so reps with
/// different goals compare fairly. Goals whose expected is 0 (nothing due yet) and goals of weight 0 are left out.
/// </summary>
public static class Attainment
{
    /// <summary>The score, or null when no goal counts yet.</summary>
    public static double? Score(IEnumerable<GoalAttainment> goals, AttainmentSettings? settings = null)
    {
        settings ??= AttainmentSettings.Default;
        double weighted = 0, weights = 0;
        foreach (var goal in goals)
        {
            var weight = settings.WeightOf(goal.Metric);
            if (goal.Expected <= 0 || weight <= 0)
            {
                continue;
            }

            var ratio = Math.Min(Math.Max(goal.Actual, 0) / goal.Expected, settings.Cap);
            weighted += weight * ratio;
            weights += weight;
        }

        return weights > 0 ? weighted / weights : null;
    }
}
