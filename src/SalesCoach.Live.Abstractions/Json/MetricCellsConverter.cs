using System.Text.Json;
using System.Text.Json.Serialization;
using SalesCoach.Live.Abstractions.Boards;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Domain.Pacing;

namespace SalesCoach.Live.Abstractions.Json;

/// <summary>
/// A row's metrics as the contract's object keyed by metric key (in org order): each with its primary figures inline
/// and, when it has other goal periods, <c>periods</c> keyed by period name. Null ratios are written as null.
/// </summary>
public sealed class MetricCellsConverter : JsonConverter<IReadOnlyList<MetricCell>>
{
    public override void Write(Utf8JsonWriter writer, IReadOnlyList<MetricCell> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var cell in value)
        {
            writer.WriteStartObject(cell.Key);
            WriteFigures(writer, cell.Primary);
            if (cell.OtherPeriods.Count > 0)
            {
                writer.WriteStartObject("periods");
                foreach (var other in cell.OtherPeriods)
                {
                    writer.WriteStartObject(other.Period.ToName());
                    WriteFigures(writer, other);
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    public override IReadOnlyList<MetricCell> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var cells = new List<MetricCell>();
        foreach (var metric in document.RootElement.EnumerateObject())
        {
            var others = new List<PeriodFigures>();
            if (metric.Value.TryGetProperty("periods", out var periods))
            {
                foreach (var other in periods.EnumerateObject())
                {
                    others.Add(ReadFigures(other.Value));
                }
            }

            cells.Add(new MetricCell(metric.Name, ReadFigures(metric.Value), others));
        }

        return cells;
    }

    private static void WriteFigures(Utf8JsonWriter w, PeriodFigures f)
    {
        w.WriteString("period", f.Period.ToName());
        w.WriteNumber("actual", f.Actual);
        WriteNullable(w, "goal", f.Goal);
        WriteNullable(w, "expected", f.Expected);
        WriteNullable(w, "paceRatio", f.PaceRatio);
        WriteNullable(w, "projected", f.Projected);
        WriteNullable(w, "neededPerHour", f.NeededPerHour);
        w.WriteString("status", f.Status.ToName());
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static PeriodFigures ReadFigures(JsonElement e) => new(
        GoalPeriodNames.TryParse(e.GetProperty("period").GetString(), out var period) ? period : throw new JsonException("unknown period"),
        e.GetProperty("actual").GetDouble(),
        Nullable(e, "goal"),
        Nullable(e, "expected"),
        Nullable(e, "paceRatio"),
        Nullable(e, "projected"),
        Nullable(e, "neededPerHour"),
        ParseStatus(e.GetProperty("status").GetString()));

    private static double? Nullable(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static PaceStatus ParseStatus(string? name) =>
        Enum.GetValues<PaceStatus>().FirstOrDefault(s => s.ToName() == name, (PaceStatus)(-1)) is var s && Enum.IsDefined(s)
            ? s
            : throw new JsonException($"unknown pace status '{name}'");
}
