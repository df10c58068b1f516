using Bunit;
using SalesCoach.Live.Server.Views.Floor;
using SalesCoach.Live.Server.Views.Teams;
using SalesCoach.Live.Views.Tests.Infrastructure;

namespace SalesCoach.Live.Views.Tests.Teams;

/// <summary>The coaching queue: who, why in plain words, since when, what to focus on; acknowledge and snooze.</summary>
public sealed class CoachingQueueTests : ViewContext
{
    private static readonly IReadOnlyList<QueueItem> Queue =
    [
        new("ben", "Ben Okafor", 82, "call",
            [new("idle", "No activity for 75 working minutes", null), new("behindPace", "Calls 10 of 20 expected by now (50% of pace; goal 40)", "call")],
            "Check in now: what is blocking the next activity?", new DateTimeOffset(2026, 11, 26, 9, 15, 0, TimeSpan.Zero)),
        new("anna", "Anna Berg", 12, "call", [new("readyForRecognition", "Calls 45 of 20 expected: far ahead", "call")], "Recognise it in the team channel", null),
    ];

    private IRenderedComponent<CoachingQueue> RenderQueue(List<string>? acknowledged = null)
    {
        Floor.Queues["emea"] = Queue;
        return Render<CoachingQueue>(p => p
            .Add(x => x.TeamId, "emea")
            .Add(x => x.Items, Queue)
            .Add(x => x.Offset, TimeSpan.FromHours(1))
            .Add(x => x.Acknowledged, (string repId) => acknowledged?.Add(repId)));
    }

    [Fact]
    public void Each_item_says_who_why_since_when_and_what_to_focus_on()
    {
        var cut = RenderQueue();

        var ben = cut.Find(".queue-item[data-rep-id=ben]");
        Assert.Equal("Ben Okafor", ben.QuerySelector(".queue-name")!.TextContent);
        Assert.Equal(
            ["No activity for 75 working minutes", "Calls 10 of 20 expected by now (50% of pace; goal 40)"],
            ben.QuerySelectorAll(".queue-reasons li").Select(li => li.TextContent));
        Assert.Equal("since 10:15", ben.QuerySelector(".queue-since")!.TextContent);
        Assert.Contains("Check in now: what is blocking the next activity?", ben.QuerySelector(".queue-focus")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("praise", cut.Find(".queue-item[data-rep-id=anna]").ClassList);
        Assert.Null(cut.Find(".queue-item[data-rep-id=anna]").QuerySelector(".queue-since"));
    }

    [Theory]
    [InlineData("acknowledge", null)]
    [InlineData("snooze", 60)]
    public void Acknowledge_and_snooze_call_through_to_the_team(string action, int? snoozeMinutes)
    {
        var acknowledged = new List<string>();
        var cut = RenderQueue(acknowledged);

        cut.Find($".queue-item[data-rep-id=ben] [data-action={action}]").Click();

        Assert.Equal([("emea", "ben", snoozeMinutes)], Floor.Acknowledged);
        Assert.Equal(["ben"], acknowledged);
    }

    [Fact]
    public void An_empty_queue_says_so()
    {
        var cut = Render<CoachingQueue>(p => p.Add(x => x.TeamId, "emea").Add(x => x.Items, []));

        Assert.Equal("Nobody needs coaching right now.", cut.Find("[data-testid=queue-empty]").TextContent.Trim());
    }
}
