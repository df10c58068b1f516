using SalesCoach.Live.Abstractions.Boards;
using SalesCoach.Live.Abstractions.Coaching;
using SalesCoach.Live.Abstractions.Gamification;
using SalesCoach.Live.Abstractions.Json;
using SalesCoach.Live.Abstractions.Teams;
using SalesCoach.Live.Domain.Boards;
using SalesCoach.Live.Domain.Calendar;
using SalesCoach.Live.Domain.Coaching;
using SalesCoach.Live.Domain.Gamification;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Domain.Pacing;
using SalesCoach.Live.Grains.Gamification;
using Board = SalesCoach.Live.Domain.Boards.Board;
using BoardSnapshot = SalesCoach.Live.Abstractions.Boards.BoardSnapshot;

namespace SalesCoach.Live.Grains.Tests.Json;

/// <summary>
/// The cases of <see cref="ContractJsonTests"/>: for each, the records serialised by <see cref="ContractJson"/>. The
/// expected bytes are the files <c>Expected/{case}.json</c>, written by the hand-made writers (BoardJson, CoachingJson,
/// GamificationJson, CompetitionJson) on these same inputs before they were removed.
/// </summary>
internal static class ContractJsonCases
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 26, 12, 0, 0, TimeSpan.FromHours(1));

    private const string OrgJson = """
    {
      "metrics": [
        { "key": "call",    "name": "Calls \"dialled\"", "points": 1 },
        { "key": "meeting", "name": "Meetings <b>booked</b>", "points": 10, "outcomeOf": "call" },
        { "key": "deal",    "name": "Deals won & signed", "points": 50, "celebrate": true, "hasValue": true }
      ],
      "teams": [
        {
          "id": "emea", "name": "EMEA \"SDR\" <Süd> & Café", "timeZone": "Europe/Berlin",
          "workingHours": { "days": ["Mon","Tue","Wed","Thu","Fri"], "start": "09:00", "end": "17:00" },
          "reps": [ { "id": "anna", "name": "Anna Berg", "goals": [ { "metric": "call", "period": "day", "target": 60 },
                                                                     { "metric": "call", "period": "week", "target": 280 },
                                                                     { "metric": "meeting", "period": "month", "target": 7 },
                                                                     { "metric": "meeting", "period": "quarter", "target": 21 } ] },
                    { "id": "kate", "name": "Kate \"KO\" O'Brien", "goals": [ { "metric": "call", "period": "day", "target": 55 } ] },
                    { "id": "chloe", "name": "Chloé Zoë Ærøskøbing 😀", "goals": [ { "metric": "call", "period": "day", "target": 3 } ] },
                    { "id": "xss", "name": "<script>alert('x')</script> \\ back\\slash", "goals": [] } ]
        }
      ]
    }
    """;

    public static Board BuiltBoard()
    {
        var org = OrgFile.Parse(OrgJson);
        var team = org.Teams[0];
        var at = new DateTimeOffset(2026, 11, 26, 13, 37, 21, TimeSpan.Zero);
        var day = team.Calendar.LocalDate(at);
        var ledgers = new Dictionary<string, RepLedger>();
        void Add(string rep, string metric, DateOnly d, long quantity, decimal value = 0m)
        {
            if (!ledgers.TryGetValue(rep, out var ledger))
            {
                ledgers[rep] = ledger = new RepLedger();
            }

            ledger.Add(metric, d, quantity, value);
        }

        Add("anna", "call", day, 23);
        Add("anna", "call", day.AddDays(-1), 41);
        Add("anna", "meeting", day.AddDays(-3), 2);
        Add("kate", "call", day, 23);
        Add("kate", "deal", day, 1, 12_500.50m);
        Add("chloe", "call", day, 7);
        return BoardBuilder.Build(team, org.Metrics, rep => ledgers.GetValueOrDefault(rep.Id), at);
    }

    /// <summary>A board made by hand: figures with midpoints, tiny and huge numbers, no goal, and a bare metric def.</summary>
    private static Board HandBoard()
    {
        var day = new PaceFigures(GoalPeriod.Day, 7, 0.125, 2.675, 1.005, 12.3456, -0.005, PaceStatus.AtRisk, 0.4);
        var week = new PaceFigures(GoalPeriod.Week, 1e21, 1e-7, 0.0, 3.14159, null, null, PaceStatus.Ahead, 0.9);
        var quarter = new PaceFigures(GoalPeriod.Quarter, 0, 100, 0, 0, 0, 0, PaceStatus.NotStarted, 0);
        var count = new PaceFigures(GoalPeriod.Day, 3, null, null, null, null, null, PaceStatus.NoGoal, 0.5);
        var behind = new PaceFigures(GoalPeriod.Month, 2, 10, 5, 0.4, 4.5, 1.23456, PaceStatus.Behind, 0.5);
        var onPace = new PaceFigures(GoalPeriod.Day, 5, 10, 5, 1, 10, 0.625, PaceStatus.OnPace, 0.5);
        var metrics = new Metric[] { new("call", "Calls", 1), new("x-y", "Ünïcode ‘quotes’ \u2028 line", -3, "call", true, true) };
        var rows = new[]
        {
            new BoardRow("r1", "Ann \"Q\" <i>", 1, 1234567890123, [new("call", new MetricPace(day, [week, quarter])), new("x-y", new MetricPace(count, []))]),
            new BoardRow("r2", "Tab\there", 2, -5, [new("call", new MetricPace(behind, [])), new("x-y", new MetricPace(onPace, [behind]))]),
        };
        var team = new TeamTotals(0, [new("call", new MetricPace(onPace, [week])), new("x-y", new MetricPace(count, []))]);
        return new Board("t-1", "", new DateTimeOffset(2026, 3, 29, 3, 0, 0, TimeSpan.FromHours(2)), metrics, rows, team);
    }

    private static Board EmptyBoard() =>
        new("empty", "Nobody yet", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(-5)), [], [], new TeamTotals(0, []));

    public static readonly IReadOnlyDictionary<string, Func<byte[]>> All = Build();

    private static Dictionary<string, Func<byte[]>> Build()
    {
        var cases = new Dictionary<string, Func<byte[]>>(StringComparer.Ordinal);
        foreach (var (name, make) in new (string, Func<Board>)[] { ("built", BuiltBoard), ("hand", HandBoard), ("empty", EmptyBoard) })
        {
            cases[$"board-{name}-snapshot"] = () => ContractJson.Serialize(BoardSnapshot.From(make(), 42));
            cases[$"board-{name}-rows"] = () => [.. make().Reps.SelectMany(r => ContractJson.Serialize(RepRow.From(r)).Append((byte)'\n'))];
            cases[$"board-{name}-team"] = () => ContractJson.Serialize(TeamRow.From(make().Team));
            cases[$"board-{name}-delta"] = () =>
            {
                var board = make();
                var changed = board.Reps.Take(1).ToList();
                return ContractJson.Serialize(new BoardDelta(board.TeamId, 43, 42, board.AsOf, [.. changed.Select(RepRow.From)], TeamRow.From(board.Team)));
            };
        }

        cases["celebration-with-metric"] = () =>
        {
            var c = new Celebration("emea", "kate", "Kate \"KO\" O'Brien", "deal", 12_500.50m, new DateTimeOffset(2026, 7, 1, 9, 30, 5, TimeSpan.FromHours(5.5)));
            var metric = new Metric("deal", "Deals <won> & \"signed\"", 50, null, true, true);
            return ContractJson.Serialize(c with { MetricName = metric.Name });
        };
        cases["celebration-no-metric-no-value"] = () =>
        {
            var c = new Celebration("emea", "chloe", "Chloé", "competition", null, Noon);
            return ContractJson.Serialize(c);
        };

        var reasons = new[]
        {
            new CoachingReason(ReasonCodes.BehindPace, "12 calls behind \"pace\" <now>", "call", 0.125),
            new CoachingReason(ReasonCodes.Idle, "No activity for 45 min", "call", 0.135),
            new CoachingReason(ReasonCodes.LowConversion, "Conversion 2% vs 8%", "meeting", 1),
            new CoachingReason(ReasonCodes.TrendDown, "Down 30% on usual", "call", 0.3333333),
        };
        var items = new[]
        {
            new CoachingItem("kate", "Kate \"KO\" O'Brien", 87, "call", reasons, "Block an hour: calls"),
            new CoachingItem("chloe", "Chloé", 10, "meeting", [new CoachingReason(ReasonCodes.ReadyForRecognition, "Ahead of pace: praise", "meeting", 0)], "Say well done"),
        };
        cases["coaching-queue-with-since"] = () =>
        {
            DateTimeOffset? Since(string rep) => rep == "kate" ? Noon : null;
            return ContractJson.Serialize(CoachingQueueItem.Queue(items, Since));
        };
        cases["coaching-queue-historical"] = () => ContractJson.Serialize(CoachingQueueItem.Queue(items));
        cases["coaching-queue-empty"] = () => ContractJson.Serialize(CoachingQueueItem.Queue([]));

        var moments = new[]
        {
            new Moment(MomentKinds.Badge, "kate", "Kate \"KO\" O'Brien", "Kate earned <Early bird>", "early-bird", null, Noon),
            new Moment(MomentKinds.HotHand, "chloe", "Chloé", "Chloé is on fire: 5 in 10 minutes", null, 5, Noon.AddMinutes(1)),
            new Moment(MomentKinds.Leader, "anna", "Anna", "Anna takes the lead", null, null, Noon.AddMinutes(2)),
            new Moment(MomentKinds.Deal, "kate", "Kate", "Kate: Deals won", "deal", 12_500.50m, Noon.AddMinutes(3)),
        };
        cases["moment"] = () => ContractJson.Serialize(TeamMoment.Of("emea", moments[0]));
        cases["moment-value-no-detail"] = () => ContractJson.Serialize(TeamMoment.Of("emea", moments[1]));
        cases["moments-feed"] = () =>
            ContractJson.Serialize(new MomentsFeed("emea", new DateOnly(2026, 11, 26), [.. moments.Select(m => TeamMoment.Of("emea", m))]));
        cases["moments-feed-empty"] = () => ContractJson.Serialize(new MomentsFeed("emea", new DateOnly(2026, 1, 5), []));

        var awards = new[]
        {
            new BadgeAward("early-bird", "Early <bird> \"first\"", "kate", "2026-11-26", Noon),
            new BadgeAward("week-goal", "Week goal", "kate", "2026-W48", Noon.AddDays(1)),
        };
        cases["badges"] = () => ContractJson.Serialize(new RepBadges("kate", "emea", 4, [.. awards.Select(EarnedBadge.From)]));
        cases["badges-none"] = () => ContractJson.Serialize(new RepBadges("chloe", "emea", 0, []));

        foreach (var (name, state, result) in Contests())
        {
            var calendar = new WorkingCalendar(TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"), [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], TimeSpan.FromHours(9), TimeSpan.FromHours(17), []);
            cases[$"contest-{name}"] = () => ContractJson.Serialize(ContestSnapshots.From(state, result, calendar));
        }

        return cases;
    }

    private static IEnumerable<(string Name, CompetitionState State, CompetitionResult Result)> Contests()
    {
        var start = new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);
        var end = new DateTimeOffset(2026, 11, 26, 16, 0, 0, TimeSpan.Zero);
        CompetitionState State(string finish, string scope = "reps") => new()
        {
            Id = "sprint-1", Name = "Friday \"call\" <sprint> für alle", TeamId = "emea", Scope = scope,
            Participants = ["kate", "chloe"], By = "call", Finish = finish, Target = finish == "firstTo" ? 25.5 : 0, Start = start, End = end,
            Handicaps = new Dictionary<string, double>(StringComparer.Ordinal) { ["kate"] = -2.5, ["chloe"] = 3 },
        };
        var standings = new[]
        {
            new CompetitionStanding("kate", "Kate \"KO\" O'Brien", 1, 26.123456, start.AddHours(3)),
            new CompetitionStanding("chloe", "Chloé", 2, 10.00005, null),
        };

        yield return ("most-running", State("most"), new CompetitionResult(start.AddHours(1), standings, false, null));
        yield return ("most-upcoming", State("most").Changed(s => s.Handicaps.Clear()), new CompetitionResult(start.AddHours(-1), [], false, null));
        yield return ("firstTo-ending", State("firstTo"), new CompetitionResult(end.AddMinutes(5), standings, false, null));
        var decided = State("firstTo");
        decided.Decided = true;
        decided.WinnerId = "kate";
        decided.RuleChanges =
        [
            new RuleChangeEntry { At = start.AddHours(2), By = "mia <manager>", Changes = [new RuleChangeItem { Field = "target", From = "30", To = "25.5" }, new RuleChangeItem { Field = "handicaps.chloe", From = null, To = "3" }] },
            new RuleChangeEntry { At = start.AddHours(2.5), By = "mia", Changes = [new RuleChangeItem { Field = "name", From = "Friday", To = "Friday \"call\" <sprint> für alle" }] },
        ];
        yield return ("firstTo-decided-rule-changes", decided, new CompetitionResult(end, standings, true, "kate"));
        var noWinner = State("most", "teams");
        noWinner.Decided = true;
        yield return ("teams-decided-no-winner", noWinner, new CompetitionResult(end, standings, true, null));
    }

    private static CompetitionState Changed(this CompetitionState state, Action<CompetitionState> change)
    {
        change(state);
        return state;
    }
}
