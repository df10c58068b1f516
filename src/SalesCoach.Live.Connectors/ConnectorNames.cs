namespace SalesCoach.Live.Connectors;

/// <summary>The connector names of connectors-v1.md section 2, as configuration sections and as the first part of
/// activity ids (lower case there).</summary>
public static class ConnectorNames
{
    public const string HubSpot = "HubSpot";
    public const string Salesforce = "Salesforce";
    public const string Pipedrive = "Pipedrive";
    public const string Aircall = "Aircall";

    public static IReadOnlyList<string> All { get; } = [HubSpot, Salesforce, Pipedrive, Aircall];

    /// <summary>The configuration section of a connector: <c>Connectors:{Name}</c>.</summary>
    public static string Section(string name) => "Connectors:" + name;
}
