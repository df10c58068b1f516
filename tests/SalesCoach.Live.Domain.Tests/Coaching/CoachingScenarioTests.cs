using SalesCoach.Live.Domain.Coaching;
using Xunit.Abstractions;

namespace SalesCoach.Live.Domain.Tests.Coaching;

/// <summary>
/// The evaluation of issue 5: at fixed times of a planted day the queue flags the planted reps with the right reason
/// codes, and never the steady reps or the star (who is listed for recognition only).
/// </summary>
public sealed class CoachingScenarioTests(ITestOutputHelper output)
{
    // Expected reason codes per checkpoint and rep; a rep not listed must not be in the queue.
    // Worked out from the plans in PlantedDay (day goal 60 calls = 7.5 an hour; meeting week goal 30):
    // - 10:30 is 19% into the day, before day goals are judged (25%), but the week is 64% gone, so weekly
    //   meeting pace counts: lowconv has 5 meetings of ~19 expected. The star is far ahead on meetings all week.
    // - idler, 12:00: nothing since 10:59:30 = 60 working minutes, and 16 calls of 22.5 expected (71%). 14:00: 22 calls of 37.5 expected (59%),
    //   and 22 against a usual 40 by 14:00 (55% < 60%). 16:00: 38 of 52.5 (72%), 38 of a usual 56 (68%: no trend).
    // - faller, 14:00: 28 + 2 = 30 of 37.5 (80%). 16:00: 33 of 52.5 (63%) and 33 of a usual 56 (59%).
    // - slowstart is behind the clock at 12:00 (14 of 22.5) but exactly on their usual curve, which makes 64.
    public static TheoryData<int, int, string, string[]> Expected => new()
    {
        { 10, 30, "star", [ReasonCodes.ReadyForRecognition] },
        { 10, 30, "lowconv", [ReasonCodes.LowConversion, ReasonCodes.BehindPace] },
        { 12, 0, "star", [ReasonCodes.ReadyForRecognition] },
        { 12, 0, "lowconv", [ReasonCodes.LowConversion, ReasonCodes.BehindPace] },
        { 12, 0, "idler", [ReasonCodes.Idle, ReasonCodes.BehindPace] },
        { 14, 0, "star", [ReasonCodes.ReadyForRecognition] },
        { 14, 0, "lowconv", [ReasonCodes.LowConversion, ReasonCodes.BehindPace] },
        { 14, 0, "idler", [ReasonCodes.BehindPace, ReasonCodes.TrendDown] },
        { 14, 0, "faller", [ReasonCodes.BehindPace] },
        { 16, 0, "star", [ReasonCodes.ReadyForRecognition] },
        { 16, 0, "lowconv", [ReasonCodes.LowConversion, ReasonCodes.BehindPace] },
        { 16, 0, "idler", [ReasonCodes.BehindPace] },
        { 16, 0, "faller", [ReasonCodes.BehindPace, ReasonCodes.TrendDown] },
    };

    private static readonly (int Hour, int Minute)[] Checkpoints = [(10, 30), (12, 0), (14, 0), (16, 0)];

    [Fact]
    public void The_queue_flags_the_planted_reps_with_the_right_reasons_and_no_one_else()
    {
        var expected = Expected.Select(row => ((int)row[0], (int)row[1], (string)row[2], (string[])row[3])).ToList();
        var counts = ReasonCodes.Corrective.Append(ReasonCodes.ReadyForRecognition).ToDictionary(c => c, _ => (Tp: 0, Fp: 0, Fn: 0));
        var mismatches = new List<string>();

        foreach (var (hour, minute) in Checkpoints)
        {
            var at = PlantedDay.At(hour, minute);
            var history = PlantedDay.History(at);
            var queue = CoachingEvaluator.Evaluate(PlantedDay.Team, PlantedDay.Org.Metrics, PlantedDay.Board(history, at), history.ToDictionary(h => h.Key, h => h.Value), at);
            foreach (var rep in PlantedDay.Team.Reps)
            {
                var want = expected.Where(e => e.Item1 == hour && e.Item2 == minute && e.Item3 == rep.Id).SelectMany(e => e.Item4).ToHashSet();
                var got = queue.Where(i => i.RepId == rep.Id).SelectMany(i => i.Reasons.Select(r => r.Code)).ToHashSet();
                foreach (var code in counts.Keys)
                {
                    var c = counts[code];
                    counts[code] = (want.Contains(code), got.Contains(code)) switch
                    {
                        (true, true) => (c.Tp + 1, c.Fp, c.Fn),
                        (false, true) => (c.Tp, c.Fp + 1, c.Fn),
                        (true, false) => (c.Tp, c.Fp, c.Fn + 1),
                        _ => c,
                    };
                }

                if (!want.SetEquals(got))
                {
                    var item = queue.FirstOrDefault(i => i.RepId == rep.Id);
                    mismatches.Add($"{hour:00}:{minute:00} {rep.Id}: want [{string.Join(", ", want)}] got [{string.Join(", ", got)}] {string.Join(" | ", item?.Reasons.Select(r => r.Text) ?? [])}");
                }
            }
        }

        output.WriteLine($"{"reason",-20} {"precision",9} {"recall",7}   tp fp fn");
        foreach (var (code, c) in counts)
        {
            var precision = c.Tp + c.Fp == 0 ? 1 : (double)c.Tp / (c.Tp + c.Fp);
            var recall = c.Tp + c.Fn == 0 ? 1 : (double)c.Tp / (c.Tp + c.Fn);
            output.WriteLine($"{code,-20} {precision,9:F2} {recall,7:F2}   {c.Tp,2} {c.Fp,2} {c.Fn,2}");
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    [Fact]
    public void Corrections_come_first_most_urgent_first_and_praise_last()
    {
        var at = PlantedDay.At(16, 0);
        var history = PlantedDay.History(at);

        var queue = CoachingEvaluator.Evaluate(PlantedDay.Team, PlantedDay.Org.Metrics, PlantedDay.Board(history, at), history.ToDictionary(h => h.Key, h => h.Value), at);

        Assert.Equal("star", queue[^1].RepId);
        Assert.True(queue[^1].Priority <= 20);
        var corrective = queue.Where(i => !i.IsRecognition).ToList();
        Assert.Equal(corrective.OrderByDescending(i => i.Priority).Select(i => i.RepId), corrective.Select(i => i.RepId));
        Assert.All(corrective, i => Assert.InRange(i.Priority, 21, 100));
    }

    [Fact]
    public void Reasons_are_plain_sentences_with_the_numbers()
    {
        var at = PlantedDay.At(12, 0);
        var history = PlantedDay.History(at);

        var queue = CoachingEvaluator.Evaluate(PlantedDay.Team, PlantedDay.Org.Metrics, PlantedDay.Board(history, at), history.ToDictionary(h => h.Key, h => h.Value), at);

        var idle = queue.Single(i => i.RepId == "idler").Reasons.Single(r => r.Code == ReasonCodes.Idle);
        Assert.Equal("Nothing logged for 60 minutes (last at 10:59)", idle.Text);
        var conversion = queue.Single(i => i.RepId == "lowconv").Reasons.Single(r => r.Code == ReasonCodes.LowConversion);
        Assert.StartsWith("Meetings 6 from 270 calls this week (2%) vs ", conversion.Text, StringComparison.Ordinal);
        Assert.Equal("meeting", queue.Single(i => i.RepId == "lowconv").FocusMetric);
        Assert.Contains("talk track", queue.Single(i => i.RepId == "lowconv").SuggestedFocus, StringComparison.Ordinal);
    }
}
