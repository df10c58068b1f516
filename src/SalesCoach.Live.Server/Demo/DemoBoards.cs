using System.Text.Json;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Wallboard;
using SalesCoach.Live.Storage.Wallboards;

namespace SalesCoach.Live.Server.Demo;

/// <summary>
/// Demo mode's TV links: one board per team (and one of the first team with every slide), each with a board token,
/// so that a link on a TV is read-only and shows its teams only. The tokens are kept beside the embedded store
/// (like the dev key), so the links keep working across restarts; a token revoked by an admin is replaced by a new
/// one at the next start, never brought back.
/// </summary>
public sealed class DemoBoards(IWallboardStore store, Organization org, WallboardWatcher watcher, TimeProvider time, DemoBoards.TokenFile file)
{
    private const string TokenName = "demo TV link";

    private readonly Lazy<Task<IReadOnlyList<Link>>> _links = new(() => Task.Run(() => EnsureAsync(store, org, watcher, time, file)));

    /// <summary>The file that keeps the demo's board tokens.</summary>
    public sealed record TokenFile(string Path);

    /// <summary>A TV link: the board's title, its id and its board token.</summary>
    public sealed record Link(string Title, string BoardId, string Token)
    {
        /// <summary>The wallboard address of this link under <paramref name="address"/>.</summary>
        public string Url(string address) => $"{address}{WallboardEndpoints.RequestPath}/?token={Token}";
    }

    /// <summary>The demo boards with their tokens, made (or found) once per process.</summary>
    public Task<IReadOnlyList<Link>> LinksAsync() => _links.Value;

    /// <summary>The demo's boards: one per team with the default slides, and the first team's with every slide.</summary>
    public static IReadOnlyList<WallboardDefinition> Boards(Organization org)
    {
        ArgumentNullException.ThrowIfNull(org);
        var boards = org.Teams
            .Select(t => new WallboardDefinition($"demo-{t.Id}", t.Name, [t.Id], WallboardOptions.DefaultSlides, WallboardOptions.DefaultDwellSeconds, WallboardOptions.Themes[0]))
            .ToList();
        var first = org.Teams[0];
        boards.Add(new WallboardDefinition($"demo-{first.Id}-all-slides", $"{first.Name} (all slides)", [first.Id], WallboardOptions.Slides, WallboardOptions.DefaultDwellSeconds, WallboardOptions.Themes[0]));
        return boards;
    }

    private static async Task<IReadOnlyList<Link>> EnsureAsync(IWallboardStore store, Organization org, WallboardWatcher watcher, TimeProvider time, TokenFile file)
    {
        var kept = Read(file.Path);
        var links = new List<Link>();
        foreach (var wanted in Boards(org))
        {
            // An existing board is left as an admin may have changed it.
            var board = await store.FindAsync(wanted.Id) ?? await store.CreateAsync(wanted) ?? await store.FindAsync(wanted.Id)
                ?? throw new InvalidOperationException($"The demo board {wanted.Id} could not be created.");
            if (!kept.TryGetValue(board.Id, out var token)
                || await store.FindTokenAsync(BoardTokenFormat.Hash(token)) is not { } stored
                || stored.BoardId != board.Id)
            {
                token = await IssueAsync(store, board.Id, time);
                kept[board.Id] = token;
            }

            links.Add(new Link(board.Title, board.Id, token));
        }

        Write(file.Path, kept);
        watcher.Poke();
        return links;
    }

    // A token is issued the way a TV gets one (a pairing code claimed for the board), so it is an ordinary board token.
    private static async Task<string> IssueAsync(IWallboardStore store, string boardId, TimeProvider time)
    {
        var token = BoardTokenFormat.NewToken();
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var code = PairingCodes.New();
            if (!await store.AddPairingAsync(code, BoardTokenFormat.Hash(token), time.GetUtcNow() + PairingCodes.Lifetime))
            {
                continue;
            }

            var claimed = await store.ClaimPairingAsync(code, boardId, BoardTokenFormat.NewTokenId(), TokenName);
            await store.RemovePairingsAsync([code]);
            if (claimed.Outcome == PairingClaimOutcome.Claimed)
            {
                return token;
            }
        }

        throw new InvalidOperationException($"No board token could be issued for the demo board {boardId}.");
    }

    private static Dictionary<string, string> Read(string path)
    {
        try
        {
            return File.Exists(path)
                ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? new Dictionary<string, string>(StringComparer.Ordinal)
                : new Dictionary<string, string>(StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }
    }

    private static void Write(string path, Dictionary<string, string> tokens)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(tokens));
    }
}
