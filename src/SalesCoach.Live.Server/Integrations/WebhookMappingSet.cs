namespace SalesCoach.Live.Server.Integrations;

/// <summary>Every configured webhook source and the global rep alias table (<c>Webhooks:RepAliases</c>).</summary>
public sealed record WebhookMappingSet(
    IReadOnlyDictionary<string, SourceMapping> Sources,
    IReadOnlyDictionary<string, string> RepAliases,
    long MaxBodyBytes)
{
    /// <summary>The default of <c>Webhooks:MaxBodyBytes</c>: 1 MiB.</summary>
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    /// <summary>The enabled source of that name (ignoring case), or null.</summary>
    public SourceMapping? Find(string name) =>
        Sources.TryGetValue(name, out var source) && source.Enabled ? source : null;
}
