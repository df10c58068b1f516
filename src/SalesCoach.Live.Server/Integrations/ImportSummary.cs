namespace SalesCoach.Live.Server.Integrations;

/// <summary>
/// What an import did: rows read (not counting the header), activities recorded, rows whose id was seen before (in the
/// log, or earlier in the file on a dry run), and rows rejected (written to the rejects file with their reasons).
/// </summary>
public sealed record ImportSummary(long RowsRead, long Accepted, long Duplicates, long Rejected, bool DryRun, string? RejectsFile);
