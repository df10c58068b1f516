namespace SalesCoach.Live.Storage.Wallboards;

/// <summary>A pairing code that an admin has claimed for a board, waiting for its TV's server to hand over the token.</summary>
/// <param name="Code">The pairing code.</param>
/// <param name="BoardId">The board it was claimed for.</param>
/// <param name="TokenId">The id of the token issued for it.</param>
public sealed record ClaimedPairing(string Code, string BoardId, string TokenId);
