using SalesCoach.Live.Storage.Wallboards;

namespace SalesCoach.Live.Server.Wallboard;

/// <summary>A board definition as <c>/api/wallboards</c> returns it.</summary>
/// <param name="Id">The board id.</param>
/// <param name="Title">The title.</param>
/// <param name="Teams">Team ids in rotation order.</param>
/// <param name="Slides">Slide names in rotation order.</param>
/// <param name="DwellSeconds">Seconds per slide.</param>
/// <param name="Theme"><c>dark</c> or <c>light</c>.</param>
/// <param name="Revision">Grows with every change.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Url">The wallboard page of this board (add <c>&amp;token=</c> a read key, or pair a TV instead).</param>
public sealed record WallboardResponse(
    string Id, string Title, IReadOnlyList<string> Teams, IReadOnlyList<string> Slides, int DwellSeconds, string Theme,
    long Revision, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Url)
{
    /// <summary>The answer for a stored board.</summary>
    public static WallboardResponse Of(WallboardDefinition board)
    {
        ArgumentNullException.ThrowIfNull(board);
        return new(board.Id, board.Title, board.Teams, board.Slides, board.DwellSeconds, board.Theme, board.Revision,
            board.CreatedAt, board.UpdatedAt, $"{WallboardEndpoints.RequestPath}/?board={Uri.EscapeDataString(board.Id)}");
    }
}
