using SalesCoach.Live.Abstractions.Accounts;

namespace SalesCoach.Live.Grains.Accounts;

/// <summary>Keeps the API keys created at run time; every change is written before the call returns.</summary>
[GrainType("api-keys")]
public sealed class ApiKeyDirectoryGrain([PersistentState("apiKeys", "store")] IPersistentState<ApiKeyDirectoryState> state)
    : Grain, IApiKeyDirectoryGrain
{
    public async Task CreateAsync(StoredApiKey key)
    {
        if (state.State.Keys.Any(k => k.Id == key.Id))
        {
            return;
        }

        state.State.Keys.Add(key);
        await state.WriteStateAsync();
    }

    public async Task<bool> RevokeAsync(string id, DateTimeOffset at)
    {
        var index = state.State.Keys.FindIndex(k => k.Id == id);
        if (index < 0 || state.State.Keys[index].RevokedAt is not null)
        {
            return false;
        }

        state.State.Keys[index] = state.State.Keys[index] with { RevokedAt = at };
        await state.WriteStateAsync();
        return true;
    }

    public Task<StoredApiKey[]> ListAsync() => Task.FromResult(state.State.Keys.ToArray());
}
