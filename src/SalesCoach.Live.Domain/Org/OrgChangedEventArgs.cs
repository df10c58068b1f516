namespace SalesCoach.Live.Domain.Org;

/// <summary>The org moved from one stored revision to a newer one.</summary>
public sealed class OrgChangedEventArgs(long previousRevision, long revision) : EventArgs
{
    public long PreviousRevision { get; } = previousRevision;

    public long Revision { get; } = revision;
}
