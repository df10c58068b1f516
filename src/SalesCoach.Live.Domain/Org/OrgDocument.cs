using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesCoach.Live.Domain.Org;

/// <summary>
/// The org file of contract section 2 as typed, unchecked data: what <see cref="OrgFile.ReadDocument"/> reads and
/// <see cref="OrgFile.WriteDocument"/> writes, for code that edits the file (the <c>/admin/org</c> page) rather than
/// runs it (<see cref="OrgFile.Parse"/> validates into an <see cref="Organization"/>). Properties the types do not
/// name are kept in <see cref="Other"/> and written back as they were, so an edit loses nothing.
/// </summary>
public sealed record OrgDocument
{
    public IReadOnlyList<MetricDocument> Metrics { get; init; } = [];

    public IReadOnlyList<TeamDocument> Teams { get; init; } = [];

    /// <summary>Top-level properties the org file's types do not name, kept as read.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; init; }

    /// <summary>This document without the top-level properties <paramref name="names"/> (e.g. a revision's own fields).</summary>
    public OrgDocument Without(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (Other is null)
        {
            return this;
        }

        var dropped = names.ToHashSet(StringComparer.Ordinal);
        var kept = Other.Where(p => !dropped.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return this with { Other = kept.Count > 0 ? kept : null };
    }
}
