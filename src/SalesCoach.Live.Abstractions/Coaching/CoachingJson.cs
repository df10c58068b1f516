using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using SalesCoach.Live.Abstractions.Boards;
using SalesCoach.Live.Domain.Coaching;

namespace SalesCoach.Live.Abstractions.Coaching;

/// <summary>
/// The coaching queue in the JSON of contract section 7: <c>[{ repId, name, priority, focusMetric, reasons: [{ code,
/// text }] }]</c>, extended with each reason's metric and severity, a <c>suggestedFocus</c> and, live, <c>since</c>.
/// </summary>
public static class CoachingJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Queue(IEnumerable<CoachingItem> items, Func<string, DateTimeOffset?>? since = null)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartArray();
            foreach (var item in items)
            {
                w.WriteStartObject();
                w.WriteString("repId", item.RepId);
                w.WriteString("name", item.Name);
                w.WriteNumber("priority", item.Priority);
                w.WriteString("focusMetric", item.FocusMetric);
                w.WriteStartArray("reasons");
                foreach (var reason in item.Reasons)
                {
                    w.WriteStartObject();
                    w.WriteString("code", reason.Code);
                    w.WriteString("text", reason.Text);
                    w.WriteString("metric", reason.Metric);
                    w.WriteNumber("severity", Math.Round(reason.Severity, 2));
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteString("suggestedFocus", item.SuggestedFocus);
                if (since?.Invoke(item.RepId) is { } from)
                {
                    w.WriteString("since", BoardJson.FormatInstant(from));
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
