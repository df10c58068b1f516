using System.Security.Cryptography;
using SalesCoach.Live.Abstractions.Accounts;
using SalesCoach.Live.Server.Security;

namespace SalesCoach.Live.Server.Accounts;

/// <summary>Creates, lists and revokes the API keys made at run time (admins only; the key is shown once).</summary>
public sealed class ApiKeyIssuer(IGrainFactory grains, StoredApiKeys cache, TimeProvider clock, ILogger<ApiKeyIssuer> logger)
{
    private IApiKeyDirectoryGrain Directory => grains.GetGrain<IApiKeyDirectoryGrain>(0);

    /// <summary>Problems with a request to create a key, by field; empty when it is fine.</summary>
    public static Dictionary<string, string[]> Validate(string? name, IReadOnlyCollection<string>? scopes)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 64 || name.Any(char.IsControl))
        {
            errors["name"] = ["a name of 1 to 64 printable characters is required"];
        }

        if (scopes is null || scopes.Count == 0)
        {
            errors["scopes"] = ["at least one scope is required (ingest, read, admin)"];
        }
        else if (scopes.FirstOrDefault(s => !ApiKeyScopes.All.Contains(s)) is { } unknown)
        {
            errors["scopes"] = [$"unknown scope '{unknown}' (allowed: ingest, read, admin)"];
        }

        return errors;
    }

    /// <summary>Creates a key (validate first); the answer holds the only copy of the key in clear.</summary>
    public async Task<IssuedApiKey> CreateAsync(string name, IReadOnlyCollection<string> scopes, string createdBy)
    {
        var key = "sc_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var stored = new StoredApiKey(
            Id: Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            Name: name.Trim(),
            Scopes: scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
            Hash: StoredApiKeys.HashOf(key),
            Prefix: key[..9],
            CreatedAt: clock.GetUtcNow(),
            CreatedBy: createdBy,
            RevokedAt: null);
        await Directory.CreateAsync(stored);
        cache.Invalidate();
        logger.LogInformation("API key {KeyId} ({KeyName}, {Scopes}) created by {User}", stored.Id, stored.Name, string.Join(",", stored.Scopes), createdBy);
        return new IssuedApiKey(stored, key);
    }

    public async Task<StoredApiKey[]> ListAsync() =>
        (await Directory.ListAsync()).OrderByDescending(k => k.CreatedAt).ToArray();

    /// <summary>Revokes a key; false when there is none of that id or it was revoked already.</summary>
    public async Task<bool> RevokeAsync(string id, string revokedBy)
    {
        var revoked = await Directory.RevokeAsync(id, clock.GetUtcNow());
        cache.Invalidate();
        if (revoked)
        {
            logger.LogInformation("API key {KeyId} revoked by {User}", id, revokedBy);
        }

        return revoked;
    }
}
