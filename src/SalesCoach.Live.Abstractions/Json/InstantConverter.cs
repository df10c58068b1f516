using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesCoach.Live.Abstractions.Json;

/// <summary>Instants as the contract writes them: <c>2026-11-26T14:05:00+01:00</c> (the instant's own offset, to the second).</summary>
public sealed class InstantConverter : JsonConverter<DateTimeOffset>
{
    public const string Pattern = "yyyy-MM-dd'T'HH:mm:sszzz";

    public static string Format(DateTimeOffset instant) => instant.ToString(Pattern, CultureInfo.InvariantCulture);

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString() ?? throw new JsonException("an instant may not be null"), CultureInfo.InvariantCulture);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Format(value));
}
