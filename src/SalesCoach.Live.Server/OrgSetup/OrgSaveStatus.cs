namespace SalesCoach.Live.Server.OrgSetup;

/// <summary>How an attempt to save an org document ended.</summary>
public enum OrgSaveStatus
{
    /// <summary>Saved as a new revision and applied on this node.</summary>
    Saved,

    /// <summary>The document is not a valid org file, or it breaks an edit rule (see the problems).</summary>
    Invalid,

    /// <summary>Someone saved another revision since the one the caller edited.</summary>
    Stale,

    /// <summary>No org has been stored yet (the node is starting).</summary>
    Starting,
}
