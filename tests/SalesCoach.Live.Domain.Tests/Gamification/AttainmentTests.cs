using SalesCoach.Live.Domain.Gamification;

namespace SalesCoach.Live.Domain.Tests.Gamification;

/// <summary><see cref="Attainment.Score"/>: weighted average of capped ratios.</summary>
public sealed class AttainmentTests
{
    [Theory]
    // goals as "metric:actual/expected" separated by ';'
    [InlineData("call:30/30", 1.0)]
    [InlineData("call:15/30", 0.5)]
    [InlineData("call:90/30", 1.5)] // 3.0 capped at 1.5
    [InlineData("call:30/30;meeting:1/2", 0.75)] // (1 + 0.5) / 2
    [InlineData("call:90/30;meeting:0/2", 0.75)] // (1.5 + 0) / 2: one runaway metric does not carry the rep
    [InlineData("call:30/30;meeting:5/0", 1.0)] // expected 0: left out
    [InlineData("call:-3/30", 0.0)] // a net negative after voids counts as nothing
    public void Attainment_is_the_mean_of_capped_ratios(string goals, double score)
    {
        Assert.Equal(score, Attainment.Score(Parse(goals))!.Value, 9);
    }

    [Theory]
    [InlineData("call:30/30;meeting:1/2", 3.0, 1.0, 1.5, 0.625)] // (3 x 0.5 + 1 x 1) / 4
    [InlineData("call:30/30;meeting:1/2", 1.0, 0.0, 1.5, 0.5)] // call weighs 0: left out
    [InlineData("call:60/30;meeting:2/2", 1.0, 1.0, 1.2, 1.1)] // cap 1.2: (1.2 + 1) / 2
    public void Weights_and_cap_are_applied(string goals, double meetingWeight, double callWeight, double cap, double score)
    {
        var settings = new AttainmentSettings(new Dictionary<string, double> { ["meeting"] = meetingWeight, ["call"] = callWeight }, cap);

        Assert.Equal(score, Attainment.Score(Parse(goals), settings)!.Value, 9);
    }

    [Theory]
    [InlineData("")]
    [InlineData("call:10/0")]
    public void Nothing_due_yet_has_no_score(string goals) => Assert.Null(Attainment.Score(Parse(goals)));

    private static IEnumerable<GoalAttainment> Parse(string goals) =>
        goals.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(g =>
        {
            var metric = g[..g.IndexOf(':', StringComparison.Ordinal)];
            var numbers = g[(metric.Length + 1)..].Split('/');
            return new GoalAttainment(metric, double.Parse(numbers[0], System.Globalization.CultureInfo.InvariantCulture), double.Parse(numbers[1], System.Globalization.CultureInfo.InvariantCulture));
        }).ToList();
}
