namespace SalesCoach.Live.Storage.Org;

/// <summary>An org document to save as the next revision; see <see cref="OrgRevision"/> for the fields.</summary>
public sealed record NewOrgRevision(string Document, string SavedBy, string Source, string? FileHash);
