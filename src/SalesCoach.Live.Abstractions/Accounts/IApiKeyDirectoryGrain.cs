namespace SalesCoach.Live.Abstractions.Accounts;

/// <summary>The API keys created at run time (one grain, key 0, in grain storage). Revoked keys stay listed, marked.</summary>
public interface IApiKeyDirectoryGrain : IGrainWithIntegerKey
{
    Task CreateAsync(StoredApiKey key);

    /// <summary>Marks a key revoked; false when there is no such key or it was revoked already.</summary>
    Task<bool> RevokeAsync(string id, DateTimeOffset at);

    Task<StoredApiKey[]> ListAsync();
}
