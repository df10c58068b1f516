using Microsoft.Extensions.Configuration;
using SalesCoach.Live.Domain.Gamification;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Domain.Pacing;
using SalesCoach.Live.Server.Gamification;

namespace SalesCoach.Live.Server.Tests.Gamification;

/// <summary>The <c>Gamification</c> configuration section: defaults equal to the built-in behaviour, tuning, and clear refusals.</summary>
public sealed class GamificationSettingsTests
{
    private static readonly Organization Org = DemoOrg.Create();

    [Fact]
    public void Without_a_section_the_settings_are_todays_behaviour()
    {
        var settings = Read([]);

        Assert.Equal(1.5, settings.Attainment.Cap);
        Assert.Empty(settings.Attainment.Weights);
        Assert.Equal(HotHand.Default, settings.HotHand);
        Assert.Equal(BadgeRules.Default, settings.Badges);
    }

    [Fact]
    public void Cap_weights_hot_hand_and_badge_parameters_come_from_the_section()
    {
        var settings = Read(new()
        {
            ["Gamification:Attainment:Cap"] = "1.2",
            ["Gamification:Attainment:Weights:meeting"] = "2",
            ["Gamification:HotHand:Count"] = "6",
            ["Gamification:HotHand:WindowMinutes"] = "20",
            ["Gamification:HotHand:Metric"] = "call",
            ["Gamification:Badges:century-calls:Threshold"] = "50",
            ["Gamification:Badges:century-calls:Name"] = "50th call of the week",
            ["Gamification:Badges:goal-before-noon:Before"] = "11:00",
            ["Gamification:Badges:comeback:Enabled"] = "false",
            ["Gamification:Badges:deal-week:Kind"] = "WeekCountReached",
            ["Gamification:Badges:deal-week:Name"] = "Three deals this week",
            ["Gamification:Badges:deal-week:Metric"] = "deal",
            ["Gamification:Badges:deal-week:Threshold"] = "3",
        });

        Assert.Equal(1.2, settings.Attainment.Cap);
        Assert.Equal(2, settings.Attainment.WeightOf("meeting"));
        Assert.Equal(1, settings.Attainment.WeightOf("call"));
        Assert.Equal(new HotHand(6, TimeSpan.FromMinutes(20), "call"), settings.HotHand);
        Assert.Equal(["first-meeting", "personal-best", "goal-before-noon", "century-calls", "deal-week"], settings.Badges.Select(b => b.Id));
        Assert.Equal(new BadgeRule("century-calls", "50th call of the week", BadgeKind.WeekCountReached, BadgePeriod.Week, "call", 50), settings.Badges.Single(b => b.Id == "century-calls"));
        Assert.Equal(TimeSpan.FromHours(11), settings.Badges.Single(b => b.Id == "goal-before-noon").Before);
        Assert.Equal(new BadgeRule("deal-week", "Three deals this week", BadgeKind.WeekCountReached, BadgePeriod.Week, "deal", 3), settings.Badges.Single(b => b.Id == "deal-week"));

        // The tuned table is what awards: the 50th call earns the badge the shipped table keeps for the 100th.
        var context = Context(weekCalls: 50);
        Assert.Contains("century-calls", BadgeBook.Evaluate(settings.Badges, context, new DateOnly(2026, 11, 26), new HashSet<string>()).Select(a => a.RuleId));
        Assert.DoesNotContain("century-calls", BadgeBook.Evaluate(BadgeRules.Default, context, new DateOnly(2026, 11, 26), new HashSet<string>()).Select(a => a.RuleId));
        // And the cap: a goal done twice over counts 1.2, not 1.5.
        Assert.Equal(1.2, Attainment.Score([new GoalAttainment("call", 20, 10)], settings.Attainment));
    }

    [Fact]
    public void Every_bad_setting_is_named_with_its_key_in_one_message()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read(new()
        {
            ["Gamification:Attainment:Cap"] = "0.5",
            ["Gamification:Attainment:Weights:calls"] = "2",
            ["Gamification:HotHand:Count"] = "ten",
            ["Gamification:HotHand:Windw"] = "5",
            ["Gamification:Badges:century-calls:Threshold"] = "-3",
            ["Gamification:Badges:century-calls:Kind"] = "Comeback",
            ["Gamification:Badges:goal-before-noon:Before"] = "25:00",
            ["Gamification:Badges:mystery:Name"] = "Mystery",
            ["Gamification:Badges:weekly:Kind"] = "WeekCountReached",
            ["Gamification:Badges:weekly:Name"] = "Weekly",
            ["Gamification:Streaks"] = "7",
        }));

        Assert.StartsWith("The gamification settings are not valid:", error.Message, StringComparison.Ordinal);
        foreach (var key in new[]
                 {
                     "Gamification:Attainment:Cap: '0.5'", "Gamification:Attainment:Weights:calls: 'calls' is not a metric", "Gamification:HotHand:Count: 'ten'",
                     "Gamification:HotHand:Windw: unknown setting", "Gamification:Badges:century-calls:Threshold: '-3'",
                     "Gamification:Badges:century-calls:Kind: a shipped badge keeps its kind", "Gamification:Badges:goal-before-noon:Before: '25:00'",
                     "Gamification:Badges:mystery:Kind is required", "Gamification:Badges:weekly:Metric is required", "Gamification:Streaks: unknown setting",
                 })
        {
            Assert.Contains(key, error.Message, StringComparison.Ordinal);
        }
    }

    private static GamificationSettings Read(Dictionary<string, string?> settings) =>
        GamificationOptions.Read(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), Org);

    private static BadgeContext Context(long weekCalls) => new(
        "anna",
        new DateTimeOffset(2026, 11, 26, 15, 0, 0, TimeSpan.FromHours(1)),
        TimeSpan.FromHours(15),
        "call",
        new Dictionary<string, long> { ["call"] = 5 },
        new Dictionary<string, long> { ["call"] = weekCalls },
        new Dictionary<string, long> { ["call"] = 40 },
        5,
        0,
        new Dictionary<string, double>(),
        new Dictionary<string, PaceStatus>(),
        new HashSet<string>());
}
