using SalesCoach.Live.Domain.Pacing;

namespace SalesCoach.Live.Domain.Tests.Pacing;

public sealed class PaceThresholdsTests
{
    [Theory]
    [InlineData(2.5, PaceStatus.Ahead)]
    [InlineData(1.1, PaceStatus.Ahead)]
    [InlineData(1.0999, PaceStatus.OnPace)]
    [InlineData(0.9, PaceStatus.OnPace)]
    [InlineData(0.8999, PaceStatus.Behind)]
    [InlineData(0.7, PaceStatus.Behind)]
    [InlineData(0.6999, PaceStatus.AtRisk)]
    [InlineData(0.0, PaceStatus.AtRisk)]
    public void The_default_thresholds_are_the_contract_ones(double paceRatio, PaceStatus status) =>
        Assert.Equal(status, PaceThresholds.Default.StatusOf(paceRatio));

    [Theory]
    [InlineData(PaceStatus.NotStarted, "notStarted")]
    [InlineData(PaceStatus.AtRisk, "atRisk")]
    [InlineData(PaceStatus.Behind, "behind")]
    [InlineData(PaceStatus.OnPace, "onPace")]
    [InlineData(PaceStatus.Ahead, "ahead")]
    [InlineData(PaceStatus.NoGoal, "noGoal")]
    public void Statuses_have_the_contract_names(PaceStatus status, string name) => Assert.Equal(name, status.ToName());
}
