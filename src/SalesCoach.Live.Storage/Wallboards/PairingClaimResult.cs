namespace SalesCoach.Live.Storage.Wallboards;

/// <summary>The result of claiming a pairing code: the outcome, and the token issued when it was claimed.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Token">The issued token when <paramref name="Outcome"/> is <see cref="PairingClaimOutcome.Claimed"/>.</param>
public sealed record PairingClaimResult(PairingClaimOutcome Outcome, BoardToken? Token);
