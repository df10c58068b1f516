namespace SalesCoach.Live.Storage.DeadLetters;

/// <summary>Which dead letters a listing returns.</summary>
public enum DeadLetterStatus
{
    /// <summary>Not replayed yet (the default).</summary>
    Open,

    /// <summary>Taken by a replay.</summary>
    Replayed,

    /// <summary>Both.</summary>
    All,
}
