namespace SalesCoach.Live.Storage.Wallboards;

/// <summary>A board token as stored: its id, its board and when it was issued (the token itself is never stored).</summary>
/// <param name="Id">The token's id, used to list and revoke it.</param>
/// <param name="BoardId">The board the token shows.</param>
/// <param name="Name">An optional label, e.g. the TV's location.</param>
/// <param name="CreatedAt">When the token was issued.</param>
public sealed record BoardToken(string Id, string BoardId, string? Name, DateTimeOffset CreatedAt);
