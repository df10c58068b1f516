namespace SalesCoach.Live.Storage.Org;

/// <summary>Where a stored org revision came from.</summary>
public static class OrgRevisionSources
{
    /// <summary>The <c>Org:File</c> loaded at start-up.</summary>
    public const string File = "file";

    /// <summary>The built-in demo org loaded at start-up.</summary>
    public const string Demo = "demo";

    /// <summary>An admin's edit through the API.</summary>
    public const string Edit = "edit";
}
