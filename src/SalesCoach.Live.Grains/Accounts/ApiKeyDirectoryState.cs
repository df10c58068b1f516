using SalesCoach.Live.Abstractions.Accounts;

namespace SalesCoach.Live.Grains.Accounts;

/// <summary>The stored run-time API keys (plain JSON), hashes only.</summary>
public sealed class ApiKeyDirectoryState
{
    public List<StoredApiKey> Keys { get; set; } = [];
}
