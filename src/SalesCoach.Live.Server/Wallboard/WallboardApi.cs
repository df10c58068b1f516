using System.Globalization;
using System.Text.Json;
using SalesCoach.Live.Server.Security;
using SalesCoach.Live.Storage.Wallboards;

namespace SalesCoach.Live.Server.Wallboard;

/// <summary>
/// <c>/api/wallboards</c> (admin scope): board definitions, pairing a TV by the code it shows, and the board tokens
/// pairing issued. Every change reaches the board's TVs over the hub within seconds (<see cref="WallboardWatcher"/>).
/// </summary>
public static class WallboardApi
{
    /// <summary>The route of the API.</summary>
    public const string Route = "/api/wallboards";

    public static WebApplication MapWallboardApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup(Route).RequireAuthorization(SecurityExtensions.AdminPolicy).WithTags("Wallboards");
        api.MapGet("/", ListAsync)
            .WithSummary("Every board definition.")
            .Produces<WallboardResponse[]>();
        api.MapPost("/", CreateAsync)
            .WithSummary("Create a board: { id?, title, teams: [..], slides?: [\"leaderboard\",\"pace\"], dwellSeconds?: 20, theme?: \"dark\"|\"light\" }.")
            .Accepts<JsonElement>("application/json")
            .Produces<WallboardResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/{boardId}", GetAsync)
            .WithSummary("One board definition.")
            .Produces<WallboardResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/{boardId}", UpdateAsync)
            .WithSummary("Replace a board definition (fields left out take their defaults); its TVs follow within seconds.")
            .Accepts<JsonElement>("application/json")
            .Produces<WallboardResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/{boardId}", DeleteAsync)
            .WithSummary("Delete a board and revoke its tokens (its TVs go back to showing a pairing code).")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{boardId}/pair", PairAsync)
            .WithSummary("Pair the TV that shows { code } with this board ({ code, name? }); the TV receives its board token over the hub.")
            .Accepts<JsonElement>("application/json")
            .Produces<BoardTokenResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{boardId}/tokens", ListTokensAsync)
            .WithSummary("The board's tokens (ids and labels, never the tokens).")
            .Produces<BoardTokenResponse[]>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{boardId}/tokens/{tokenId}", GetTokenAsync)
            .WithSummary("One token of the board.")
            .Produces<BoardTokenResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/{boardId}/tokens/{tokenId}", RevokeAsync)
            .WithSummary("Revoke a token: its TV is disconnected and goes back to showing a pairing code.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> ListAsync(IWallboardStore store, CancellationToken cancellationToken) =>
        Results.Ok((await store.ListAsync(cancellationToken)).Select(WallboardResponse.Of));

    private static async Task<IResult> GetAsync(string boardId, IWallboardStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(boardId, cancellationToken) is { } board ? Results.Ok(WallboardResponse.Of(board)) : BoardNotFound(boardId);

    private static async Task<IResult> CreateAsync(
        HttpRequest request, WallboardRequestReader reader, IWallboardStore store, WallboardWatcher watcher, CancellationToken cancellationToken)
    {
        var (body, bodyError) = await ReadBodyAsync(request, cancellationToken);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var (board, errors) = reader.Read(body, routeId: null);
        if (board is null)
        {
            return Results.ValidationProblem(errors, title: "The board definition is invalid.");
        }

        var idGiven = body.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String;
        WallboardDefinition? created = null;
        // An id made from the title gets a number when the title's id is taken: "sales-floor-2".
        for (var n = 1; created is null && (n == 1 || (!idGiven && n <= 100)); n++)
        {
            var candidate = n == 1 ? board : board with { Id = string.Create(CultureInfo.InvariantCulture, $"{board.Id}-{n}") };
            created = await store.CreateAsync(candidate, cancellationToken);
        }

        if (created is null)
        {
            return Results.Problem(
                detail: $"A board with id '{board.Id}' exists already; choose another id, or PUT {Route}/{board.Id} to change it.",
                statusCode: StatusCodes.Status409Conflict, title: "Board exists");
        }

        watcher.Poke();
        return Results.Created($"{Route}/{Uri.EscapeDataString(created.Id)}", WallboardResponse.Of(created));
    }

    private static async Task<IResult> UpdateAsync(
        string boardId, HttpRequest request, WallboardRequestReader reader, IWallboardStore store, WallboardWatcher watcher, CancellationToken cancellationToken)
    {
        var (body, bodyError) = await ReadBodyAsync(request, cancellationToken);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var (board, errors) = reader.Read(body, routeId: boardId);
        if (board is null)
        {
            return Results.ValidationProblem(errors, title: "The board definition is invalid.");
        }

        if (await store.UpdateAsync(board, cancellationToken) is not { } updated)
        {
            return BoardNotFound(boardId);
        }

        watcher.Poke();
        return Results.Ok(WallboardResponse.Of(updated));
    }

    private static async Task<IResult> DeleteAsync(string boardId, IWallboardStore store, WallboardWatcher watcher, CancellationToken cancellationToken)
    {
        if (!await store.DeleteAsync(boardId, cancellationToken))
        {
            return BoardNotFound(boardId);
        }

        watcher.Poke();
        return Results.NoContent();
    }

    private static async Task<IResult> PairAsync(
        string boardId, HttpRequest request, IWallboardStore store, WallboardWatcher watcher, CancellationToken cancellationToken)
    {
        var (body, bodyError) = await ReadBodyAsync(request, cancellationToken);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? typed = null;
        string? name = null;
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors["body"] = ["a JSON object: { \"code\": \"ABC234\", \"name\": \"Kitchen TV\" }"];
        }
        else
        {
            if (!body.TryGetProperty("code", out var codeElement) || codeElement.ValueKind != JsonValueKind.String)
            {
                errors["code"] = ["required: the code the TV shows"];
            }
            else
            {
                typed = codeElement.GetString();
            }

            if (body.TryGetProperty("name", out var nameElement) && nameElement.ValueKind != JsonValueKind.Null)
            {
                name = nameElement.ValueKind == JsonValueKind.String ? nameElement.GetString()!.Trim() : null;
                if (name is null || name.Length > WallboardOptions.MaxTitleLength)
                {
                    errors["name"] = [string.Create(CultureInfo.InvariantCulture, $"a string of at most {WallboardOptions.MaxTitleLength} characters")];
                }
                else if (name.Length == 0)
                {
                    name = null;
                }
            }
        }

        var code = PairingCodes.Normalize(typed);
        if (typed is not null && code is null)
        {
            errors["code"] = [$"'{typed}' is not a pairing code: {PairingCodes.Length} letters and digits, as the screen shows them"];
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors, title: "The pairing request is invalid.");
        }

        var result = await store.ClaimPairingAsync(code!, boardId, BoardTokenFormat.NewTokenId(), name, cancellationToken);
        switch (result.Outcome)
        {
            case PairingClaimOutcome.Claimed:
                watcher.Poke();
                var token = BoardTokenResponse.Of(result.Token!);
                return Results.Created($"{Route}/{Uri.EscapeDataString(boardId)}/tokens/{Uri.EscapeDataString(token.TokenId)}", token);
            case PairingClaimOutcome.UnknownBoard:
                return BoardNotFound(boardId);
            default:
                return Results.ValidationProblem(
                    new Dictionary<string, string[]>
                    {
                        ["code"] = [string.Create(CultureInfo.InvariantCulture, $"no screen is waiting with code {code} (a code is valid for {PairingCodes.Lifetime.TotalMinutes:0} minutes, and pairs one screen)")],
                    },
                    title: "The pairing request is invalid.");
        }
    }

    private static async Task<IResult> ListTokensAsync(string boardId, IWallboardStore store, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(boardId, cancellationToken) is null)
        {
            return BoardNotFound(boardId);
        }

        return Results.Ok((await store.ListTokensAsync(boardId, cancellationToken)).Select(BoardTokenResponse.Of));
    }

    private static async Task<IResult> GetTokenAsync(string boardId, string tokenId, IWallboardStore store, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(boardId, cancellationToken) is null)
        {
            return BoardNotFound(boardId);
        }

        return (await store.ListTokensAsync(boardId, cancellationToken)).FirstOrDefault(t => t.Id == tokenId) is { } token
            ? Results.Ok(BoardTokenResponse.Of(token))
            : TokenNotFound(boardId, tokenId);
    }

    private static async Task<IResult> RevokeAsync(
        string boardId, string tokenId, IWallboardStore store, WallboardWatcher watcher, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(boardId, cancellationToken) is null)
        {
            return BoardNotFound(boardId);
        }

        if (!await store.RevokeTokenAsync(boardId, tokenId, cancellationToken))
        {
            return TokenNotFound(boardId, tokenId);
        }

        watcher.Poke();
        return Results.NoContent();
    }

    private static async Task<(JsonElement Body, IResult? Error)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException e)
        {
            return (default, Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"not valid JSON: {e.Message}"] }));
        }
    }

    private static IResult BoardNotFound(string boardId) =>
        Results.Problem(detail: $"unknown board '{boardId}'", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    private static IResult TokenNotFound(string boardId, string tokenId) =>
        Results.Problem(detail: $"board '{boardId}' has no token '{tokenId}'", statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
