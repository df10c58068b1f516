using System.Text.Json;

namespace SalesCoach.Live.Storage.Wallboards;

/// <summary>What both wallboard stores share: how lists are stored, and how long old pairing codes are kept.</summary>
internal static class WallboardStoreRules
{
    /// <summary>
    /// A pairing code stays in the store this long after it expired: a code claimed just before it expired must
    /// still be found by its TV's server, and a code is not handed to another TV too soon.
    /// </summary>
    public static readonly TimeSpan PairingRetention = TimeSpan.FromMinutes(10);

    public static string ToJson(IReadOnlyList<string> values) => JsonSerializer.Serialize(values);

    public static IReadOnlyList<string> FromJson(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];

    public static void Check(WallboardDefinition board)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentException.ThrowIfNullOrEmpty(board.Id);
        ArgumentNullException.ThrowIfNull(board.Title);
        ArgumentNullException.ThrowIfNull(board.Teams);
        ArgumentNullException.ThrowIfNull(board.Slides);
        ArgumentNullException.ThrowIfNull(board.Theme);
    }
}
