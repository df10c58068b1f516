namespace SalesCoach.Live.Storage.Wallboards;

/// <summary>What became of an attempt to claim a pairing code.</summary>
public enum PairingClaimOutcome
{
    /// <summary>The code was waiting: a board token now exists for the TV that shows it.</summary>
    Claimed,

    /// <summary>No TV waits with that code (never shown, expired, or claimed already).</summary>
    UnknownCode,

    /// <summary>The board does not exist.</summary>
    UnknownBoard,
}
