using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SalesCoach.Live.LoadGen;

/// <summary>
/// Writes the org file for a run: <c>reps</c> reps spread over <c>teams</c> teams, the contract's three metrics, a
/// daily and weekly call goal. The time zone is chosen so that it is around noon there now, and every hour of every day
/// is working time: the day cannot roll over during a run, and pacing figures are never "not started".
/// </summary>
internal static class OrgFileWriter
{
    public static string RepId(int index) => $"lg{index:D6}";

    public static string TeamId(int index) => $"loadteam{index:D3}";

    public static string Write(int reps, int teams, DateTimeOffset now)
    {
        var zone = NoonZone(now);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartArray("metrics");
            WriteMetric(w, "call", "Calls", 1, null, false, false);
            WriteMetric(w, "meeting", "Meetings booked", 10, "call", false, false);
            WriteMetric(w, "deal", "Deals won", 50, null, true, true);
            w.WriteEndArray();
            w.WriteStartArray("teams");
            for (var t = 0; t < teams; t++)
            {
                w.WriteStartObject();
                w.WriteString("id", TeamId(t));
                w.WriteString("name", $"Load team {t + 1}");
                w.WriteString("timeZone", zone);
                w.WriteStartObject("workingHours");
                w.WriteStartArray("days");
                foreach (var day in new[] { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" })
                {
                    w.WriteStringValue(day);
                }

                w.WriteEndArray();
                w.WriteString("start", "00:00");
                w.WriteString("end", "24:00");
                w.WriteEndObject();
                w.WriteStartArray("goals");
                WriteGoal(w, "call", "day", 200);
                WriteGoal(w, "call", "week", 1000);
                WriteGoal(w, "meeting", "week", 20);
                w.WriteEndArray();
                w.WriteStartArray("reps");
                for (var r = t; r < reps; r += teams)
                {
                    w.WriteStartObject();
                    w.WriteString("id", RepId(r));
                    w.WriteString("name", $"Load Rep {r + 1:D6}");
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>An <c>Etc/GMT±N</c> zone (or UTC) where the local time is closest to noon.</summary>
    private static string NoonZone(DateTimeOffset now)
    {
        var offset = Math.Clamp(12 - now.UtcDateTime.Hour, -12, 14);
        // POSIX sign convention: Etc/GMT-3 is three hours ahead of UTC.
        return offset switch
        {
            0 => "Etc/UTC",
            > 0 => "Etc/GMT-" + offset.ToString(CultureInfo.InvariantCulture),
            _ => "Etc/GMT+" + (-offset).ToString(CultureInfo.InvariantCulture),
        };
    }

    private static void WriteMetric(Utf8JsonWriter w, string key, string name, int points, string? outcomeOf, bool celebrate, bool hasValue)
    {
        w.WriteStartObject();
        w.WriteString("key", key);
        w.WriteString("name", name);
        w.WriteNumber("points", points);
        if (outcomeOf is not null)
        {
            w.WriteString("outcomeOf", outcomeOf);
        }

        w.WriteBoolean("celebrate", celebrate);
        w.WriteBoolean("hasValue", hasValue);
        w.WriteEndObject();
    }

    private static void WriteGoal(Utf8JsonWriter w, string metric, string period, double target)
    {
        w.WriteStartObject();
        w.WriteString("metric", metric);
        w.WriteString("period", period);
        w.WriteNumber("target", target);
        w.WriteEndObject();
    }
}
