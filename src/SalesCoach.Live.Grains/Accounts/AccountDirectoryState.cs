using SalesCoach.Live.Abstractions.Accounts;

namespace SalesCoach.Live.Grains.Accounts;

/// <summary>The stored accounts (plain JSON: the property names are the stored format), keyed by lower-case user name.</summary>
public sealed class AccountDirectoryState
{
    public Dictionary<string, UserAccount> Accounts { get; set; } = [];
}
