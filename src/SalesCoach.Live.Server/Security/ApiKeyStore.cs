using System.Security.Cryptography;
using System.Text;

namespace SalesCoach.Live.Server.Security;

/// <summary>
/// The API keys the server accepts. Keys are kept only as SHA-256 hashes and compared in constant time against every
/// key, so neither a timing difference nor the position of a match tells anything about a key.
/// </summary>
public sealed class ApiKeyStore
{
    private readonly List<(byte[] Hash, string Name, IReadOnlySet<string> Scopes)> _keys = [];
    private readonly Lock _gate = new();

    public ApiKeyStore(IEnumerable<ApiKeyEntry> entries)
    {
        var index = 0;
        foreach (var entry in entries)
        {
            var path = $"ApiKeys:{index++}";
            if (string.IsNullOrWhiteSpace(entry.Key) || entry.Key.Length < 16)
            {
                throw new InvalidOperationException($"{path}:Key must be at least 16 characters.");
            }

            var unknown = entry.Scopes.FirstOrDefault(s => !ApiKeyScopes.All.Contains(s));
            if (unknown is not null)
            {
                throw new InvalidOperationException($"{path}:Scopes has unknown scope '{unknown}' (allowed: ingest, read, admin).");
            }

            Add(string.IsNullOrWhiteSpace(entry.Name) ? $"key{index}" : entry.Name, entry.Key, entry.Scopes);
        }
    }

    public void Add(string name, string key, IEnumerable<string> scopes)
    {
        var granted = ApiKeyScopes.Granted(scopes);
        lock (_gate)
        {
            _keys.Add((Hash(key), name, granted));
        }
    }

    /// <summary>The key's name and scopes, or null when the key is not known.</summary>
    public (string Name, IReadOnlySet<string> Scopes)? Find(string presented)
    {
        var hash = Hash(presented);
        (string, IReadOnlySet<string>)? found = null;
        lock (_gate)
        {
            foreach (var key in _keys)
            {
                if (CryptographicOperations.FixedTimeEquals(key.Hash, hash))
                {
                    found = (key.Name, key.Scopes);
                }
            }
        }

        return found;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
