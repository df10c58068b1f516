using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Storage;

namespace SalesCoach.Live.Storage.Orleans.Serialization;

/// <summary>
/// Grain state as plain JSON on System.Text.Json: property names in camelCase, enums by name, and no .NET type names
/// anywhere, so renaming or moving a C# state type does not orphan the rows already stored. Properties that a newer
/// state type no longer has are skipped on reading, and new ones keep their defaults, so state types can grow.
/// Used by both stores: the PostgreSQL provider keeps the bytes as <c>json</c>, the SQLite store as text.
/// </summary>
public sealed class JsonGrainStateSerializer : IGrainStorageSerializer
{
    private readonly JsonSerializerOptions _options;

    /// <summary>A serializer with <see cref="CreateOptions"/>.</summary>
    public JsonGrainStateSerializer()
        : this(CreateOptions())
    {
    }

    /// <summary>A serializer with the given options (which should not emit type names either); they are made read-only.</summary>
    public JsonGrainStateSerializer(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.MakeReadOnly(populateMissingResolver: true);
        _options = options;
    }

    /// <summary>The options the product stores grain state with.</summary>
    public static JsonSerializerOptions CreateOptions() => new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <inheritdoc />
    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, _options));

    /// <inheritdoc />
    public T? Deserialize<T>(BinaryData input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return JsonSerializer.Deserialize<T>(input.ToMemory().Span, _options);
    }
}
