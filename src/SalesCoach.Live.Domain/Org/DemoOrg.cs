namespace SalesCoach.Live.Domain.Org;

/// <summary>The demo org: three teams in three time zones (one with a half-hour offset and a six-day week).</summary>
public static class DemoOrg
{
    /// <summary>The demo org file's JSON, a working example of contract section 2.</summary>
    public static string Json
    {
        get
        {
            using var stream = typeof(DemoOrg).Assembly.GetManifestResourceStream("SalesCoach.Live.Domain.Org.demo-org.json")
                ?? throw new InvalidOperationException("The demo org resource is missing from the build.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    public static Organization Create() => OrgFile.Parse(Json, "demo-org.json");
}
