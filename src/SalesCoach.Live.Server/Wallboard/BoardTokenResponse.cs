using SalesCoach.Live.Storage.Wallboards;

namespace SalesCoach.Live.Server.Wallboard;

/// <summary>A board token as <c>/api/wallboards/{id}/tokens</c> lists it (never the token itself).</summary>
/// <param name="TokenId">The token's id, for revoking it.</param>
/// <param name="BoardId">Its board.</param>
/// <param name="Name">The label given when pairing, if any.</param>
/// <param name="CreatedAt">When it was issued.</param>
public sealed record BoardTokenResponse(string TokenId, string BoardId, string? Name, DateTimeOffset CreatedAt)
{
    /// <summary>The answer for a stored token.</summary>
    public static BoardTokenResponse Of(BoardToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return new(token.Id, token.BoardId, token.Name, token.CreatedAt);
    }
}
