using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using SalesCoach.Live.Abstractions.Teams;
using SalesCoach.Live.Domain.Boards;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Domain.Pacing;

namespace SalesCoach.Live.Abstractions.Boards;

/// <summary>
/// Writes boards, rows, deltas and celebrations exactly in the JSON of contract sections 5 and 6 (camelCase, ratios
/// rounded to two decimals). Extensions: <c>teamName</c>, <c>metricDefs</c>, <c>team.score</c>, status <c>noGoal</c>.
/// </summary>
public static class BoardJson
{
    // Names such as "Kate O'Brien" or "Chloé" stay readable; the payload is only ever served as application/json.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A board row (a rep) as a standalone JSON object.</summary>
    public static byte[] Row(BoardRow row) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("repId", row.RepId);
        w.WriteString("name", row.Name);
        w.WriteNumber("rank", row.Rank);
        w.WriteNumber("score", row.Score);
        WriteMetrics(w, row.Metrics);
        w.WriteEndObject();
    });

    /// <summary>The team part of a board as a standalone JSON object.</summary>
    public static byte[] Team(TeamTotals team) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("score", team.Score);
        WriteMetrics(w, team.Metrics);
        w.WriteEndObject();
    });

    /// <summary>A whole board from rows and team JSON already written by <see cref="Row"/> and <see cref="Team"/>.</summary>
    public static byte[] Snapshot(Board board, long version, IEnumerable<byte[]> rows, byte[] team) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("teamId", board.TeamId);
        w.WriteString("teamName", board.TeamName);
        w.WriteNumber("version", version);
        w.WriteString("asOf", FormatInstant(board.AsOf));
        w.WriteStartArray("metricDefs");
        foreach (var metric in board.MetricDefs)
        {
            WriteMetricDef(w, metric);
        }

        w.WriteEndArray();
        w.WriteStartArray("reps");
        foreach (var row in rows)
        {
            w.WriteRawValue(row, skipInputValidation: true);
        }

        w.WriteEndArray();
        w.WritePropertyName("team");
        w.WriteRawValue(team, skipInputValidation: true);
        w.WriteEndObject();
    });

    /// <summary>A whole board, serialised from scratch.</summary>
    public static byte[] Snapshot(Board board, long version) =>
        Snapshot(board, version, board.Reps.Select(Row), Team(board.Team));

    /// <summary>A delta: the changed rows only and the whole team object.</summary>
    public static byte[] Delta(string teamId, long version, long fromVersion, DateTimeOffset asOf, IEnumerable<byte[]> changedRows, byte[] team) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("teamId", teamId);
        w.WriteNumber("version", version);
        w.WriteNumber("fromVersion", fromVersion);
        w.WriteString("asOf", FormatInstant(asOf));
        w.WriteStartArray("reps");
        foreach (var row in changedRows)
        {
            w.WriteRawValue(row, skipInputValidation: true);
        }

        w.WriteEndArray();
        w.WritePropertyName("team");
        w.WriteRawValue(team, skipInputValidation: true);
        w.WriteEndObject();
    });

    /// <summary>The <c>celebration</c> message.</summary>
    public static byte[] Celebration(Celebration celebration, Metric? metric) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("teamId", celebration.TeamId);
        w.WriteString("repId", celebration.RepId);
        w.WriteString("name", celebration.Name);
        w.WriteString("metric", celebration.Metric);
        if (metric is not null)
        {
            w.WriteString("metricName", metric.Name);
        }

        if (celebration.Value is { } value)
        {
            w.WriteNumber("value", value);
        }
        else
        {
            w.WriteNull("value");
        }

        w.WriteString("occurredAt", FormatInstant(celebration.OccurredAt));
        w.WriteEndObject();
    });

    /// <summary>ISO-8601 with the instant's own offset, to the second.</summary>
    public static string FormatInstant(DateTimeOffset instant) =>
        instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static void WriteMetricDef(Utf8JsonWriter w, Metric metric)
    {
        w.WriteStartObject();
        w.WriteString("key", metric.Key);
        w.WriteString("name", metric.Name);
        w.WriteNumber("points", metric.Points);
        if (metric.OutcomeOf is not null)
        {
            w.WriteString("outcomeOf", metric.OutcomeOf);
        }

        w.WriteBoolean("celebrate", metric.Celebrate);
        w.WriteBoolean("hasValue", metric.HasValue);
        w.WriteEndObject();
    }

    private static void WriteMetrics(Utf8JsonWriter w, IReadOnlyList<KeyValuePair<string, MetricPace>> metrics)
    {
        w.WriteStartObject("metrics");
        foreach (var (key, pace) in metrics)
        {
            w.WriteStartObject(key);
            WriteFigures(w, pace.Primary);
            if (pace.OtherPeriods.Count > 0)
            {
                w.WriteStartObject("periods");
                foreach (var other in pace.OtherPeriods)
                {
                    w.WriteStartObject(other.Period.ToName());
                    WriteFigures(w, other);
                    w.WriteEndObject();
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteFigures(Utf8JsonWriter w, PaceFigures f)
    {
        w.WriteString("period", f.Period.ToName());
        w.WriteNumber("actual", f.Actual);
        WriteRounded(w, "goal", f.Goal);
        WriteRounded(w, "expected", f.Expected);
        WriteRounded(w, "paceRatio", f.PaceRatio);
        WriteRounded(w, "projected", f.Projected);
        WriteRounded(w, "neededPerHour", f.NeededPerHour);
        w.WriteString("status", f.Status.ToName());
    }

    private static void WriteRounded(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, Math.Round(v, 2, MidpointRounding.AwayFromZero));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
