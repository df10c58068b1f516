namespace SalesCoach.Live.Server.Demo;

/// <summary>FNV-1a: the same number for the same text in every process (string.GetHashCode is randomised).</summary>
public static class StableHash
{
    public static uint Of(string text, long salt = 0)
    {
        var hash = 2166136261u ^ (uint)salt ^ (uint)(salt >> 32);
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
