using System.Globalization;
using System.Text;
using SalesCoach.Live.Domain.Boards;
using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Benchmarks;

/// <summary>
/// The data the benchmarks share: an org with one team of <c>reps</c> reps in Europe/Berlin (Mon-Fri 09:00-17:00,
/// holidays, day/week/quarter goals), ledgers with a quarter of activity, and a fixed instant in a working day.
/// </summary>
public static class BenchmarkOrg
{
    /// <summary>Thursday 26 November 2026, 14:30 in Berlin: mid-quarter, mid-week, mid-day.</summary>
    public static readonly DateTimeOffset At = new(2026, 11, 26, 14, 30, 0, TimeSpan.FromHours(1));

    public static Organization Create(int reps)
    {
        var json = new StringBuilder();
        json.Append("""
            {"metrics":[{"key":"call","name":"Calls","points":1},
                        {"key":"meeting","name":"Meetings booked","points":10,"outcomeOf":"call"},
                        {"key":"deal","name":"Deals won","points":50,"celebrate":true,"hasValue":true}],
             "teams":[{"id":"bench","name":"Bench","timeZone":"Europe/Berlin",
               "workingHours":{"days":["Mon","Tue","Wed","Thu","Fri"],"start":"09:00","end":"17:00"},
               "holidays":["2026-10-03","2026-12-24","2026-12-25","2026-12-31"],
               "goals":[{"metric":"call","period":"day","target":60},{"metric":"call","period":"week","target":300},
                        {"metric":"meeting","period":"week","target":8},{"metric":"deal","period":"quarter","target":12}],
               "reps":[
            """);
        for (var r = 0; r < reps; r++)
        {
            json.Append(CultureInfo.InvariantCulture, $"{(r == 0 ? "" : ",")}{{\"id\":\"rep{r:D4}\",\"name\":\"Rep {r:D4}\"}}");
        }

        json.Append("]}]}");
        return OrgFile.Parse(json.ToString(), "benchmark-org");
    }

    /// <summary>Ledgers with activity on every working day of the quarter up to <see cref="At"/>, varied per rep.</summary>
    public static Dictionary<string, RepLedger> Ledgers(Team team)
    {
        var random = new Random(42);
        var ledgers = new Dictionary<string, RepLedger>(StringComparer.Ordinal);
        var today = team.Calendar.LocalDate(At);
        var first = LedgerWindow.FirstDay(today);
        foreach (var rep in team.Reps)
        {
            var ledger = new RepLedger();
            for (var day = first; day <= today; day = day.AddDays(1))
            {
                if (!team.Calendar.IsWorkingDay(day))
                {
                    continue;
                }

                ledger.Add("call", day, random.Next(20, 80), 0m);
                ledger.Add("meeting", day, random.Next(0, 4), 0m);
                if (random.Next(10) == 0)
                {
                    ledger.Add("deal", day, 1, random.Next(1_000, 50_000));
                }
            }

            ledgers[rep.Id] = ledger;
        }

        return ledgers;
    }
}
