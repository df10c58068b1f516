using System.Globalization;
using System.Text.Json;
using SalesCoach.Live.Storage.Wallboards;

namespace SalesCoach.Live.Server.Wallboard;

/// <summary>
/// Creating boards, pairing TVs and revoking their tokens, with the rules of <c>/api/wallboards</c>, for the API and
/// the boards page alike. Every change pokes the <see cref="WallboardWatcher"/>, so the TVs follow within seconds.
/// </summary>
public sealed class WallboardDesk(WallboardRequestReader reader, IWallboardStore store, WallboardWatcher watcher)
{
    /// <summary>
    /// Creates a board from its definition (the API's JSON body). An id made from the title gets a number when that id
    /// is taken ("sales-floor-2"); an id given by the caller that is taken is a conflict.
    /// </summary>
    public async Task<BoardChange> CreateAsync(JsonElement body, CancellationToken cancellationToken = default)
    {
        var (board, errors) = reader.Read(body, routeId: null);
        if (board is null)
        {
            return new BoardChange(null, null, errors);
        }

        var idGiven = body.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String;
        WallboardDefinition? created = null;
        for (var n = 1; created is null && (n == 1 || (!idGiven && n <= 100)); n++)
        {
            var candidate = n == 1 ? board : board with { Id = string.Create(CultureInfo.InvariantCulture, $"{board.Id}-{n}") };
            created = await store.CreateAsync(candidate, cancellationToken);
        }

        if (created is null)
        {
            return new BoardChange(board, null, new Dictionary<string, string[]>(), Conflict: true);
        }

        watcher.Poke();
        return new BoardChange(created, null, new Dictionary<string, string[]>());
    }

    /// <summary>Pairs the TV that shows <paramref name="typed"/> with the board; the TV receives its token over the hub.</summary>
    public async Task<BoardChange> PairAsync(string boardId, string? typed, string? name, CancellationToken cancellationToken = default)
    {
        var errors = CheckPairing(typed, ref name, out var code);
        if (errors.Count > 0)
        {
            return new BoardChange(null, null, errors);
        }

        var result = await store.ClaimPairingAsync(code!, boardId, BoardTokenFormat.NewTokenId(), name, cancellationToken);
        switch (result.Outcome)
        {
            case PairingClaimOutcome.Claimed:
                watcher.Poke();
                return new BoardChange(null, result.Token, errors);
            case PairingClaimOutcome.UnknownBoard:
                return new BoardChange(null, null, errors, UnknownBoard: true);
            default:
                errors["code"] =
                [
                    string.Create(CultureInfo.InvariantCulture, $"no screen is waiting with code {code} (a code is valid for {PairingCodes.Lifetime.TotalMinutes:0} minutes, and pairs one screen)"),
                ];
                return new BoardChange(null, null, errors);
        }
    }

    /// <summary>The problems of a pairing request by field; <paramref name="name"/> comes back trimmed (null when blank).</summary>
    public static Dictionary<string, string[]> CheckPairing(string? typed, ref string? name, out string? code)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        name = name?.Trim();
        if (name is { Length: > WallboardOptions.MaxTitleLength })
        {
            errors["name"] = [string.Create(CultureInfo.InvariantCulture, $"a string of at most {WallboardOptions.MaxTitleLength} characters")];
        }
        else if (name is { Length: 0 })
        {
            name = null;
        }

        code = PairingCodes.Normalize(typed);
        if (typed is null)
        {
            errors["code"] = ["required: the code the TV shows"];
        }
        else if (code is null)
        {
            errors["code"] = [$"'{typed}' is not a pairing code: {PairingCodes.Length} letters and digits, as the screen shows them"];
        }

        return errors;
    }

    /// <summary>Revokes a token: its TV is disconnected and shows a pairing code again. False when there is no such token.</summary>
    public async Task<bool> RevokeAsync(string boardId, string tokenId, CancellationToken cancellationToken = default)
    {
        if (!await store.RevokeTokenAsync(boardId, tokenId, cancellationToken))
        {
            return false;
        }

        watcher.Poke();
        return true;
    }
}
