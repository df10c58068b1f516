using System.Security.Cryptography;
using System.Text;

namespace SalesCoach.Live.Connectors.Verification;

/// <summary>Constant-time comparisons of secrets. Both sides are hashed first, so neither the content nor the
/// length of the expected secret shows in the time taken.</summary>
public static class SecretCompare
{
    public static bool Equal(string? presented, string? expected) =>
        presented is not null && expected is not null && Equal(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));

    public static bool Equal(ReadOnlySpan<byte> presented, ReadOnlySpan<byte> expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(presented), SHA256.HashData(expected));
}
