using System.Text.Json;

namespace SalesCoach.Live.Grains.Tests.Infrastructure;

/// <summary>One push a team grain sent to a relay: <c>delta</c> or <c>celebration</c>, as parsed contract JSON.</summary>
public sealed record RelayPush(string TeamId, string Kind, JsonElement Json)
{
    public const string Delta = "delta";

    public const string Celebration = "celebration";

    public const string Coaching = "coaching";

    public const string Moment = "moment";
}
