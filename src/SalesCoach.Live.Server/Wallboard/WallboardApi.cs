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

    private static async Task<IResult> CreateAsync(HttpRequest request, WallboardDesk desk, CancellationToken cancellationToken)
    {
        var (body, bodyError) = await ReadBodyAsync(request, cancellationToken);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var change = await desk.CreateAsync(body, cancellationToken);
        if (change.Conflict)
        {
            return Results.Problem(
                detail: $"A board with id '{change.Board!.Id}' exists already; choose another id, or PUT {Route}/{change.Board.Id} to change it.",
                statusCode: StatusCodes.Status409Conflict, title: "Board exists");
        }

        if (change.Board is not { } created)
        {
            return Results.ValidationProblem(change.Errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal), title: "The board definition is invalid.");
        }

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

    private static async Task<IResult> PairAsync(string boardId, HttpRequest request, WallboardDesk desk, CancellationToken cancellationToken)
    {
        var (body, bodyError) = await ReadBodyAsync(request, cancellationToken);
        if (bodyError is not null)
        {
            return bodyError;
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["body"] = ["a JSON object: { \"code\": \"ABC234\", \"name\": \"Kitchen TV\" }"] },
                title: "The pairing request is invalid.");
        }

        string? typed = null;
        string? name = null;
        var shapeErrors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body.TryGetProperty("code", out var codeElement) && codeElement.ValueKind == JsonValueKind.String)
        {
            typed = codeElement.GetString();
        }
        else if (body.TryGetProperty("code", out _))
        {
            shapeErrors["code"] = ["required: the code the TV shows"];
        }

        if (body.TryGetProperty("name", out var nameElement) && nameElement.ValueKind != JsonValueKind.Null)
        {
            if (nameElement.ValueKind == JsonValueKind.String)
            {
                name = nameElement.GetString();
            }
            else
            {
                shapeErrors["name"] = [string.Create(CultureInfo.InvariantCulture, $"a string of at most {WallboardOptions.MaxTitleLength} characters")];
            }
        }

        if (shapeErrors.Count > 0)
        {
            // A field of the wrong type: report it with whatever else is wrong, and claim nothing.
            var all = WallboardDesk.CheckPairing(typed, ref name, out _);
            foreach (var (field, messages) in shapeErrors)
            {
                all[field] = messages;
            }

            return Results.ValidationProblem(all, title: "The pairing request is invalid.");
        }

        var change = await desk.PairAsync(boardId, typed, name, cancellationToken);
        if (change.UnknownBoard)
        {
            return BoardNotFound(boardId);
        }

        if (change.Token is not { } issued)
        {
            return Results.ValidationProblem(change.Errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal), title: "The pairing request is invalid.");
        }

        var token = BoardTokenResponse.Of(issued);
        return Results.Created($"{Route}/{Uri.EscapeDataString(boardId)}/tokens/{Uri.EscapeDataString(token.TokenId)}", token);
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
        string boardId, string tokenId, IWallboardStore store, WallboardDesk desk, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(boardId, cancellationToken) is null)
        {
            return BoardNotFound(boardId);
        }

        return await desk.RevokeAsync(boardId, tokenId, cancellationToken) ? Results.NoContent() : TokenNotFound(boardId, tokenId);
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
