using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SalesCoach.Live.Abstractions.Boards;
using SalesCoach.Live.Abstractions.Coaching;
using SalesCoach.Live.Abstractions.Gamification;
using SalesCoach.Live.Abstractions.Teams;

namespace SalesCoach.Live.Abstractions.Json;

/// <summary>
/// The one place the live records become the contract's JSON (and, for clients such as the load generator, back):
/// camelCase names, enums as the contract's camelCase strings, instants as <c>yyyy-MM-dd'T'HH:mm:sszzz</c> in the
/// instant's own offset, names with quotes, markup or accents kept readable (relaxed escaping: the payloads are only
/// ever served as <c>application/json</c>). Ratios are rounded by the records themselves, so JSON and views agree.
/// </summary>
public static class ContractJson
{
    /// <summary>The source-generated context with the contract's options (use its type infos).</summary>
    public static ContractJsonContext Context { get; } = new(new JsonSerializerOptions(ContractJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static byte[] Serialize(BoardSnapshot board) => JsonSerializer.SerializeToUtf8Bytes(board, Context.BoardSnapshot);

    public static byte[] Serialize(BoardDelta delta) => JsonSerializer.SerializeToUtf8Bytes(delta, Context.BoardDelta);

    public static byte[] Serialize(RepRow row) => JsonSerializer.SerializeToUtf8Bytes(row, Context.RepRow);

    public static byte[] Serialize(TeamRow team) => JsonSerializer.SerializeToUtf8Bytes(team, Context.TeamRow);

    public static byte[] Serialize(Celebration celebration) => JsonSerializer.SerializeToUtf8Bytes(celebration, Context.Celebration);

    public static byte[] Serialize(IReadOnlyList<CoachingQueueItem> queue) => JsonSerializer.SerializeToUtf8Bytes(queue, Context.IReadOnlyListCoachingQueueItem);

    public static byte[] Serialize(TeamMoment moment) => JsonSerializer.SerializeToUtf8Bytes(moment, Context.TeamMoment);

    public static byte[] Serialize(MomentsFeed feed) => JsonSerializer.SerializeToUtf8Bytes(feed, Context.MomentsFeed);

    public static byte[] Serialize(RepBadges badges) => JsonSerializer.SerializeToUtf8Bytes(badges, Context.RepBadges);

    public static byte[] Serialize(ContestSnapshot contest) => JsonSerializer.SerializeToUtf8Bytes(contest, Context.ContestSnapshot);

    public static byte[] Serialize(TeamScorecard scorecard) => JsonSerializer.SerializeToUtf8Bytes(scorecard, Context.TeamScorecard);

    /// <summary>A record as a JSON element (what SignalR sends as a message argument), serialised once.</summary>
    public static JsonElement ToElement<T>(T value, JsonTypeInfo<T> typeInfo) => JsonSerializer.SerializeToElement(value, typeInfo);

    /// <summary>Reads a record from contract JSON (clients: the load generator, tests).</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> json, JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.Deserialize(json, typeInfo) ?? throw new JsonException($"null where a {typeof(T).Name} was expected");

    /// <summary>Reads a record from a JSON element (a SignalR argument received as <see cref="JsonElement"/>).</summary>
    public static T Deserialize<T>(JsonElement json, JsonTypeInfo<T> typeInfo) =>
        json.Deserialize(typeInfo) ?? throw new JsonException($"null where a {typeof(T).Name} was expected");

    /// <summary>ISO-8601 with the instant's own offset, to the second (every instant of the contract).</summary>
    public static string FormatInstant(DateTimeOffset instant) => InstantConverter.Format(instant);
}

/// <summary>The source-generated serialisation of the live records (see <see cref="ContractJson"/>).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    Converters =
    [
        typeof(InstantConverter),
        typeof(ContractEnumConverter<Domain.Org.GoalPeriod>),
        typeof(ContractEnumConverter<Domain.Pacing.PaceStatus>),
        typeof(ContractEnumConverter<CoachingReasonCode>),
        typeof(ContractEnumConverter<ContestScope>),
        typeof(ContractEnumConverter<ContestFinish>),
        typeof(ContractEnumConverter<ContestStatus>),
    ])]
[JsonSerializable(typeof(BoardSnapshot))]
[JsonSerializable(typeof(BoardDelta))]
[JsonSerializable(typeof(RepRow))]
[JsonSerializable(typeof(TeamRow))]
[JsonSerializable(typeof(Celebration))]
[JsonSerializable(typeof(IReadOnlyList<CoachingQueueItem>))]
[JsonSerializable(typeof(TeamMoment))]
[JsonSerializable(typeof(MomentsFeed))]
[JsonSerializable(typeof(RepBadges))]
[JsonSerializable(typeof(ContestSnapshot))]
[JsonSerializable(typeof(IReadOnlyList<ContestSnapshot>))]
[JsonSerializable(typeof(TeamScorecard))]
public sealed partial class ContractJsonContext : JsonSerializerContext;
