using System.Collections.Concurrent;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Storage.Org;

namespace SalesCoach.Live.Server.OrgSetup;

/// <summary>
/// Stored org revisions read as orgs, and the rule changes each one made: what the audit lists beside activities and
/// voids, and what the revision list shows. Revisions never change once saved, so parsed ones are kept (a few).
/// </summary>
public sealed class OrgHistory(IOrgStore store)
{
    private const int Kept = 64;

    private readonly ConcurrentDictionary<long, Organization> _parsed = new();

    /// <summary>The revision as an org (detached from the live one).</summary>
    /// <exception cref="OrgFileException">The stored document does not read on this node.</exception>
    public Organization Parse(OrgRevision revision)
    {
        if (_parsed.TryGetValue(revision.Revision, out var known))
        {
            return known;
        }

        var org = OrgFile.Parse(revision.Document, $"org revision {revision.Revision}");
        if (_parsed.Count >= Kept)
        {
            _parsed.Clear();
        }

        _parsed[revision.Revision] = org;
        return org;
    }

    /// <summary>The rule changes of one revision against the one before it (none for the first).</summary>
    public async Task<IReadOnlyList<RuleChange>> ChangesOfAsync(OrgRevision revision, OrgRevision? previous, CancellationToken cancellationToken)
    {
        previous ??= revision.Revision > 1 ? await store.FindAsync(revision.Revision - 1, cancellationToken) : null;
        if (previous is null)
        {
            return [];
        }

        try
        {
            return RuleChanges.Between(Parse(previous), Parse(revision));
        }
        catch (OrgFileException)
        {
            return [];
        }
    }

    /// <summary>The revisions saved in a time range with their rule changes, oldest first.</summary>
    public async Task<IReadOnlyList<RevisionChanges>> SavedBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var result = new List<RevisionChanges>();
        OrgRevision? previous = null;
        foreach (var revision in await store.ListSavedBetweenAsync(from, to, cancellationToken))
        {
            if (previous is null || previous.Revision != revision.Revision - 1)
            {
                previous = revision.Revision > 1 ? await store.FindAsync(revision.Revision - 1, cancellationToken) : null;
            }

            try
            {
                var after = Parse(revision);
                var before = previous is null ? null : Parse(previous);
                result.Add(new RevisionChanges(revision, before, after, before is null ? [] : RuleChanges.Between(before, after)));
            }
            catch (OrgFileException)
            {
                // A revision that does not read on this node has no changes to show here (the node logged it when it
                // refused to apply it).
            }

            previous = revision;
        }

        return result;
    }
}
