namespace SalesCoach.Live.Storage.Org;

/// <summary>One saved revision of the org document (the org file JSON of contract section 2).</summary>
/// <param name="Revision">1 for the first, then one more per save, without gaps.</param>
/// <param name="Document">The org JSON as it was saved.</param>
/// <param name="SavedAt">When the store took it.</param>
/// <param name="SavedBy">Who saved it: an admin key's or user's name, or <c>file</c>/<c>demo</c> at start-up.</param>
/// <param name="Source">Where it came from: <see cref="OrgRevisionSources"/>.</param>
/// <param name="FileHash">
/// The SHA-256 (hex) of the <c>Org:File</c> or demo org content this revision is based on: set when the file was
/// loaded, carried over by edits, so a start-up can tell whether the file changed since.
/// </param>
public sealed record OrgRevision(long Revision, string Document, DateTimeOffset SavedAt, string SavedBy, string Source, string? FileHash);
