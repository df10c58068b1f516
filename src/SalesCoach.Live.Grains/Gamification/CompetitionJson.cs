using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using SalesCoach.Live.Abstractions.Boards;
using SalesCoach.Live.Domain.Calendar;
using SalesCoach.Live.Domain.Gamification;

namespace SalesCoach.Live.Grains.Gamification;

/// <summary>Writes a contest and its standings (instants in the owning team's zone).</summary>
public static class CompetitionJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(CompetitionState s, CompetitionResult result, WorkingCalendar calendar)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("id", s.Id);
            w.WriteString("name", s.Name);
            w.WriteString("teamId", s.TeamId);
            w.WriteString("scope", s.Scope);
            w.WriteString("by", s.By);
            w.WriteString("finish", s.Finish);
            if (s.Finish == "firstTo")
            {
                w.WriteNumber("target", s.Target);
            }

            w.WriteString("start", BoardJson.FormatInstant(calendar.ToLocal(s.Start)));
            w.WriteString("end", BoardJson.FormatInstant(calendar.ToLocal(s.End)));
            w.WriteStartObject("handicaps");
            foreach (var (rep, handicap) in s.Handicaps)
            {
                w.WriteNumber(rep, handicap);
            }

            w.WriteEndObject();
            w.WriteString("asOf", BoardJson.FormatInstant(calendar.ToLocal(result.AsOf)));
            w.WriteString("status", s.Decided ? "decided" : result.AsOf >= s.End ? "ending" : result.AsOf < s.Start ? "upcoming" : "running");
            if (s.Decided && s.WinnerId is not null)
            {
                w.WriteString("winnerId", s.WinnerId);
            }
            else
            {
                w.WriteNull("winnerId");
            }

            w.WriteStartArray("standings");
            foreach (var standing in result.Standings)
            {
                w.WriteStartObject();
                w.WriteString("id", standing.Id);
                w.WriteString("name", standing.Name);
                w.WriteNumber("rank", standing.Rank);
                w.WriteNumber("score", Math.Round(standing.Score, 4));
                if (standing.ReachedAt is { } reached)
                {
                    w.WriteString("reachedAt", BoardJson.FormatInstant(calendar.ToLocal(reached)));
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();

            // Rule changes while it ran (fairness: everyone can see what moved and who moved it), oldest first.
            w.WriteStartArray("ruleChanges");
            foreach (var change in s.RuleChanges)
            {
                w.WriteStartObject();
                w.WriteString("at", BoardJson.FormatInstant(calendar.ToLocal(change.At)));
                w.WriteString("by", change.By);
                w.WriteStartArray("changes");
                foreach (var item in change.Changes)
                {
                    w.WriteStartObject();
                    w.WriteString("field", item.Field);
                    w.WriteString("from", item.From);
                    w.WriteString("to", item.To);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
