namespace SalesCoach.Live.Server.Wallboard;

/// <summary>The answer of the hub method <c>StartPairing</c>: the code the TV shows, and until when it is valid.</summary>
/// <param name="Code">Six characters from <see cref="PairingCodes.Alphabet"/>.</param>
/// <param name="ExpiresAt">When the code stops working (the TV asks for a new one before).</param>
/// <param name="ExpiresInSeconds">The same as seconds from now, for a TV whose clock is off.</param>
public sealed record PairingCodeMessage(string Code, DateTimeOffset ExpiresAt, int ExpiresInSeconds);
