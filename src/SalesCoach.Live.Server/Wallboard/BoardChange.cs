using SalesCoach.Live.Storage.Wallboards;

namespace SalesCoach.Live.Server.Wallboard;

/// <summary>What creating a board or pairing a TV did: the board or token, or the problems by field, or why not.</summary>
public sealed record BoardChange(
    WallboardDefinition? Board, BoardToken? Token, IReadOnlyDictionary<string, string[]> Errors, bool Conflict = false, bool UnknownBoard = false)
{
    public bool Succeeded => Errors.Count == 0 && !Conflict && !UnknownBoard;
}
