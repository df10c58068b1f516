namespace SalesCoach.Live.Storage.Org;

/// <summary>Argument checks both org stores share.</summary>
internal static class OrgStoreRules
{
    public const int MaxListLimit = 500;

    public static void Check(NewOrgRevision revision, long basedOn)
    {
        ArgumentNullException.ThrowIfNull(revision);
        ArgumentException.ThrowIfNullOrWhiteSpace(revision.Document);
        ArgumentException.ThrowIfNullOrWhiteSpace(revision.SavedBy);
        ArgumentException.ThrowIfNullOrWhiteSpace(revision.Source);
        ArgumentOutOfRangeException.ThrowIfNegative(basedOn);
    }

    public static void CheckLimit(int limit) => ArgumentOutOfRangeException.ThrowIfNotEqual(Math.Clamp(limit, 1, MaxListLimit), limit);
}
