namespace SalesCoach.Live.Connectors.Mapping;

/// <summary>A vendor's user (HubSpot owner, Pipedrive user, Aircall user, Salesforce user): its id in the vendor
/// and, when known, its e-mail.</summary>
public sealed record VendorUser(string? Id, string? Email)
{
    public static VendorUser? Of(string? id, string? email) =>
        string.IsNullOrWhiteSpace(id) && string.IsNullOrWhiteSpace(email) ? null : new VendorUser(Blank(id), Blank(email));

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>The users a vendor's API listed (HubSpot <c>/crm/v3/owners</c>, Pipedrive <c>/v1/users</c>): id → e-mail.</summary>
public sealed class VendorUsers
{
    private readonly Dictionary<string, string?> _emailById;

    public VendorUsers(IEnumerable<VendorUser> users)
    {
        _emailById = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var user in users)
        {
            if (user.Id is not null)
            {
                _emailById[user.Id] = user.Email;
            }
        }
    }

    public static VendorUsers Empty { get; } = new([]);

    public int Count => _emailById.Count;

    /// <summary>The user with this id, with its e-mail when listed; null when <paramref name="id"/> is blank.</summary>
    public VendorUser? Find(string? id) =>
        string.IsNullOrWhiteSpace(id) ? null : new VendorUser(id.Trim(), _emailById.GetValueOrDefault(id.Trim()));
}
