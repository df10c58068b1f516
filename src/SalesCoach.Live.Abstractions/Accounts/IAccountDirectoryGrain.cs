namespace SalesCoach.Live.Abstractions.Accounts;

/// <summary>
/// All sign-in accounts of the installation (one grain, key 0, kept in grain storage: an office has tens or hundreds
/// of accounts, not millions). User names are compared case-insensitively and stored in lower case.
/// </summary>
public interface IAccountDirectoryGrain : IGrainWithIntegerKey
{
    Task<UserAccount?> FindAsync(string userName);

    /// <summary>The account whose e-mail is <paramref name="email"/> (case-insensitive), for single sign-on.</summary>
    Task<UserAccount?> FindByEmailAsync(string email);

    Task<UserAccount[]> ListAsync();

    /// <summary>Adds an account; false when the user name is taken.</summary>
    Task<bool> CreateAsync(UserAccount account);

    /// <summary>Replaces an account; false when there is none of that name.</summary>
    Task<bool> UpdateAsync(UserAccount account);

    Task<bool> DeleteAsync(string userName);

    /// <summary>
    /// Counts a failed sign-in; the <paramref name="maxFailures"/>-th in a row locks the account until
    /// <paramref name="at"/> + <paramref name="lockout"/>. Returns the account as it is now (null when unknown).
    /// </summary>
    Task<UserAccount?> RecordFailedSignInAsync(string userName, DateTimeOffset at, int maxFailures, TimeSpan lockout);

    /// <summary>Clears the failure count and notes the sign-in; a new password hash (a rehash) replaces the old one.</summary>
    Task RecordSignedInAsync(string userName, DateTimeOffset at, string? rehashedPassword);
}
