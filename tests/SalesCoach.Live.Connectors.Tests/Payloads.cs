using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SalesCoach.Live.Connectors.Tests;

/// <summary>The saved vendor payloads (VendorPayloads/{Vendor}/..., sources in each folder's README.md).</summary>
internal static class Payloads
{
    public static byte[] Bytes(string vendor, string file) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "VendorPayloads", vendor, file));

    public static T Read<T>(string vendor, string file, JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(Bytes(vendor, file), type) ?? throw new InvalidOperationException($"{vendor}/{file} is null");
}
