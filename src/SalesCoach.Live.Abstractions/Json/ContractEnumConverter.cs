using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesCoach.Live.Abstractions.Json;

/// <summary>An enum as the contract's string: the member's name in camel case (<c>onPace</c>, <c>day</c>, <c>firstTo</c>); no numbers.</summary>
public sealed class ContractEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;
