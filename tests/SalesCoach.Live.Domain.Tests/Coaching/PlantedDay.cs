using SalesCoach.Live.Domain.Boards;
using SalesCoach.Live.Domain.Coaching;
using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Domain.Tests.Coaching;

/// <summary>
/// A simulated week for a team of twelve reps with planted patterns. Activities are spaced evenly at a planned rate
/// (so every count can be worked out by hand) and each rep's meetings come from every n-th call.
/// Today is Thursday 2026-11-19; the comparable days are Fri 13, Mon 16, Tue 17, Wed 18 November.
/// </summary>
public static class PlantedDay
{
    public static readonly DateOnly Today = new(2026, 11, 19);

    public static readonly DateOnly[] EarlierDays = [new(2026, 11, 13), new(2026, 11, 16), new(2026, 11, 17), new(2026, 11, 18)];

    public const string OrgJson = """
    {
      "metrics": [
        { "key": "call", "name": "Calls", "points": 1 },
        { "key": "meeting", "name": "Meetings", "points": 10, "outcomeOf": "call" }
      ],
      "teams": [ {
        "id": "floor", "name": "Sales Floor", "timeZone": "Europe/Berlin",
        "workingHours": { "days": ["Mon","Tue","Wed","Thu","Fri"], "start": "09:00", "end": "17:00" },
        "goals": [ { "metric": "call", "period": "day", "target": 60 },
                   { "metric": "meeting", "period": "week", "target": 30 } ],
        "reps": [
          { "id": "steady1", "name": "Steady One" }, { "id": "steady2", "name": "Steady Two" },
          { "id": "steady3", "name": "Steady Three" }, { "id": "steady4", "name": "Steady Four" },
          { "id": "steady5", "name": "Steady Five" }, { "id": "steady6", "name": "Steady Six" },
          { "id": "steady7", "name": "Steady Seven" }, { "id": "star", "name": "Stella Star" },
          { "id": "idler", "name": "Ivan Idle" }, { "id": "lowconv", "name": "Larry Lowconv" },
          { "id": "slowstart", "name": "Sam Slowstart" }, { "id": "faller", "name": "Fay Faller" } ] } ]
    }
    """;

    public static Organization Org { get; } = OrgFile.Parse(OrgJson);

    public static Team Team => Org.Teams[0];

    /// <summary>(rep, calls per hour from each local hour 9..16 today, calls per hour on earlier days, a meeting every n-th call).</summary>
    private static readonly (string Rep, Func<double, double> Today, Func<double, double> Usual, int MeetingEvery)[] Plans =
    [
        ("steady1", _ => 7.5, _ => 7.5, 10),
        ("steady2", _ => 8, _ => 8, 10),
        ("steady3", _ => 8.5, _ => 8.5, 10),
        ("steady4", _ => 7.8, _ => 7.8, 9),
        ("steady5", _ => 8.2, _ => 8.2, 11),
        ("steady6", _ => 8, _ => 8, 10),
        ("steady7", _ => 7.6, _ => 7.6, 10),
        ("star", _ => 13, _ => 13, 8),
        // Idle from 11:00 to 13:15 today, otherwise a steady eight an hour.
        ("idler", h => h is >= 11 and < 13.25 ? 0 : 8, _ => 8, 10),
        // Busy on the phone, but a meeting only from every 50th call (2%) against about 10% for the team.
        ("lowconv", _ => 10, _ => 10, 50),
        // Two an hour until 11:00, then ten: every day, so it is their normal shape (64 a day in all).
        ("slowstart", h => h < 11 ? 2 : 10, h => h < 11 ? 2 : 10, 10),
        // Eight an hour until 12:30 today, then one and a half; a steady eight on earlier days.
        ("faller", h => h < 12.5 ? 8 : 1.5, _ => 8, 10),
    ];

    /// <summary>Every rep's activities of the four earlier days and today up to <paramref name="upTo"/>.</summary>
    public static Dictionary<string, IReadOnlyList<TimedActivity>> History(DateTimeOffset upTo)
    {
        var history = new Dictionary<string, IReadOnlyList<TimedActivity>>(StringComparer.Ordinal);
        foreach (var (rep, today, usual, meetingEvery) in Plans)
        {
            var activities = new List<TimedActivity>();
            var calls = 0;
            foreach (var day in EarlierDays.Append(Today))
            {
                var rate = day == Today ? today : usual;
                // Walk the day minute by minute, adding a call whenever the planned rate has earned one.
                var owed = 0.0;
                for (var minute = 9 * 60; minute < 17 * 60; minute++)
                {
                    owed += rate(minute / 60.0) / 60.0;
                    if (owed < 1 - 1e-9)
                    {
                        continue;
                    }

                    owed -= 1;
                    var at = Team.Calendar.At(day, TimeSpan.FromMinutes(minute + 0.5));
                    if (at > upTo)
                    {
                        break;
                    }

                    activities.Add(new TimedActivity(at, "call", 1));
                    if (++calls % meetingEvery == 0)
                    {
                        activities.Add(new TimedActivity(at.AddSeconds(20), "meeting", 1));
                    }
                }
            }

            history[rep] = activities;
        }

        return history;
    }

    /// <summary>The board at <paramref name="at"/>, from the same activities.</summary>
    public static Board Board(IReadOnlyDictionary<string, IReadOnlyList<TimedActivity>> history, DateTimeOffset at)
    {
        var ledgers = history.ToDictionary(h => h.Key, h =>
        {
            var ledger = new RepLedger();
            foreach (var a in h.Value.Where(a => a.OccurredAt <= at))
            {
                ledger.Add(a.Metric, Team.Calendar.LocalDate(a.OccurredAt), a.Quantity, 0);
            }

            return ledger;
        });
        return BoardBuilder.Build(Team, Org.Metrics, rep => ledgers.GetValueOrDefault(rep.Id), at);
    }

    public static DateTimeOffset At(int hour, int minute) => Team.Calendar.At(Today, new TimeSpan(hour, minute, 0));
}
