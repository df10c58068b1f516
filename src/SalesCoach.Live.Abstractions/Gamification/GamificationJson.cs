using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using SalesCoach.Live.Abstractions.Boards;
using SalesCoach.Live.Domain.Gamification;

namespace SalesCoach.Live.Abstractions.Gamification;

/// <summary>Writes moments, moment feeds, badges and scorecards as camelCase JSON (instants as on boards).</summary>
public static class GamificationJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A moment as pushed over the hub (<c>moment</c>) and listed in the feed.</summary>
    public static byte[] Moment(string teamId, Moment moment) => Write(w => WriteMoment(w, teamId, moment));

    public static byte[] Feed(string teamId, DateOnly day, IEnumerable<Moment> moments) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("teamId", teamId);
        w.WriteString("day", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteStartArray("moments");
        foreach (var moment in moments)
        {
            WriteMoment(w, teamId, moment);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static byte[] Badges(string repId, string teamId, int streak, IEnumerable<BadgeAward> awards) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("repId", repId);
        w.WriteString("teamId", teamId);
        w.WriteNumber("streak", streak);
        w.WriteStartArray("badges");
        foreach (var award in awards)
        {
            w.WriteStartObject();
            w.WriteString("badge", award.RuleId);
            w.WriteString("name", award.Name);
            w.WriteString("period", award.PeriodKey);
            w.WriteString("earnedAt", BoardJson.FormatInstant(award.EarnedAt));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static byte[] Scorecard(Scorecard card, string basisName) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("teamId", card.TeamId);
        w.WriteString("teamName", card.TeamName);
        w.WriteString("period", Domain.Org.GoalPeriodNames.ToName(card.Period));
        w.WriteString("from", card.Range.First.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("to", card.Range.Last.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("by", basisName);
        w.WriteString("asOf", BoardJson.FormatInstant(card.AsOf));
        w.WriteNumber("perRep", Math.Round(card.PerRep, 4));
        w.WriteStartArray("reps");
        foreach (var row in card.Reps)
        {
            w.WriteStartObject();
            w.WriteString("repId", row.RepId);
            w.WriteString("name", row.Name);
            w.WriteNumber("rank", row.Rank);
            w.WriteNumber("value", Math.Round(row.Value, 4));
            w.WriteNumber("points", row.Points);
            if (row.Attainment is { } attainment)
            {
                w.WriteNumber("attainment", Math.Round(attainment, 4));
            }
            else
            {
                w.WriteNull("attainment");
            }

            w.WriteStartObject("counts");
            foreach (var (metric, count) in row.Counts)
            {
                w.WriteNumber(metric, count);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static void WriteMoment(Utf8JsonWriter w, string teamId, Moment moment)
    {
        w.WriteStartObject();
        w.WriteString("teamId", teamId);
        w.WriteString("kind", moment.Kind);
        w.WriteString("repId", moment.RepId);
        w.WriteString("name", moment.Name);
        w.WriteString("text", moment.Text);
        if (moment.Detail is not null)
        {
            w.WriteString("detail", moment.Detail);
        }

        if (moment.Value is { } value)
        {
            w.WriteNumber("value", value);
        }

        w.WriteString("occurredAt", BoardJson.FormatInstant(moment.OccurredAt));
        w.WriteEndObject();
    }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
