using SalesCoach.Live.Storage.Wallboards;

namespace SalesCoach.Live.Server.Wallboard;

/// <summary>
/// The hub message <c>wallboardConfig</c>: a board definition as its TVs apply it (the answer of <c>OpenWallboard</c>,
/// and pushed to the board's TVs whenever the definition changes).
/// </summary>
/// <param name="Id">The board id.</param>
/// <param name="Title">The board's title.</param>
/// <param name="Teams">Team ids, in rotation order.</param>
/// <param name="Slides">Slide names, in rotation order (a TV skips those it does not know).</param>
/// <param name="DwellSeconds">Seconds per slide.</param>
/// <param name="Theme"><c>dark</c> or <c>light</c>.</param>
/// <param name="Revision">Grows with every change of the definition.</param>
public sealed record WallboardConfig(
    string Id, string Title, IReadOnlyList<string> Teams, IReadOnlyList<string> Slides, int DwellSeconds, string Theme, long Revision)
{
    /// <summary>The message of a stored board.</summary>
    public static WallboardConfig Of(WallboardDefinition board)
    {
        ArgumentNullException.ThrowIfNull(board);
        return new(board.Id, board.Title, board.Teams, board.Slides, board.DwellSeconds, board.Theme, board.Revision);
    }
}
