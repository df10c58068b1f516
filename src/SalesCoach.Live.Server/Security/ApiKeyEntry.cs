namespace SalesCoach.Live.Server.Security;

/// <summary>One configured API key (<c>ApiKeys:N:Name</c>, <c>ApiKeys:N:Key</c>, <c>ApiKeys:N:Scopes:M</c>).</summary>
public sealed class ApiKeyEntry
{
    public string Name { get; set; } = "";

    public string Key { get; set; } = "";

    public List<string> Scopes { get; set; } = [];
}
