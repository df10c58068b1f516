using System.Security.Claims;

namespace SalesCoach.Live.Server.Security;

/// <summary>
/// The claims of a caller authenticated by a board token: besides the <c>read</c> scope, the board it belongs to and
/// the token's id. Such a caller sees only its board's teams.
/// </summary>
public static class BoardClaims
{
    /// <summary>The claim type carrying the board id.</summary>
    public const string BoardId = "salescoach:board";

    /// <summary>The claim type carrying the board token's id.</summary>
    public const string TokenId = "salescoach:board-token";

    /// <summary>The board of a caller authenticated by a board token; null for any other caller.</summary>
    public static string? BoardOf(ClaimsPrincipal? user) => user?.FindFirst(BoardId)?.Value;

    /// <summary>The token id of a caller authenticated by a board token; null for any other caller.</summary>
    public static string? TokenOf(ClaimsPrincipal? user) => user?.FindFirst(TokenId)?.Value;
}
