using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Connectors.Mapping;

/// <summary>A rep id with its e-mail (<c>teams[].reps[].email</c>, optional).</summary>
public sealed record RepContact(string RepId, string? Email);

/// <summary>Vendor user → rep, for one connector: <c>RepAliases:{vendor user id or e-mail}</c> first, then the
/// rep's e-mail (case-insensitive). An alias naming a rep the org does not have matches nothing.</summary>
public sealed class RepDirectory
{
    private readonly HashSet<string> _repIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _repByEmail = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _aliases = new(StringComparer.OrdinalIgnoreCase);

    public RepDirectory(IEnumerable<RepContact> reps, IReadOnlyDictionary<string, string?>? aliases = null)
    {
        foreach (var rep in reps)
        {
            _repIds.Add(rep.RepId);
            if (!string.IsNullOrWhiteSpace(rep.Email))
            {
                _repByEmail.TryAdd(rep.Email.Trim(), rep.RepId);
            }
        }

        foreach (var (key, value) in aliases ?? new Dictionary<string, string?>())
        {
            if (!string.IsNullOrWhiteSpace(key) && !string.IsNullOrWhiteSpace(value))
            {
                _aliases[key.Trim()] = value.Trim();
            }
        }
    }

    /// <summary>The reps of <paramref name="org"/>, with each rep's e-mail from <paramref name="emailOf"/> (the org
    /// file's <c>reps[].email</c> once the org model carries it).</summary>
    public static RepDirectory FromOrganization(Organization org, Func<Rep, string?> emailOf, IReadOnlyDictionary<string, string?>? aliases = null) =>
        new(org.Teams.SelectMany(t => t.Reps).Select(r => new RepContact(r.Id, emailOf(r))), aliases);

    /// <summary>The rep id for <paramref name="user"/>, or null when no alias and no e-mail matches.</summary>
    public string? Resolve(VendorUser? user)
    {
        if (user is null)
        {
            return null;
        }

        if (user.Id is not null && _aliases.TryGetValue(user.Id, out var byId))
        {
            return _repIds.Contains(byId) ? byId : null;
        }

        if (user.Email is not null && _aliases.TryGetValue(user.Email, out var byEmail))
        {
            return _repIds.Contains(byEmail) ? byEmail : null;
        }

        return user.Email is not null ? _repByEmail.GetValueOrDefault(user.Email) : null;
    }
}
