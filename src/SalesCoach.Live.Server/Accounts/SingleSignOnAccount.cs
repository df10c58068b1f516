using System.Security.Claims;
using SalesCoach.Live.Abstractions.Accounts;

namespace SalesCoach.Live.Server.Accounts;

/// <summary>
/// Which account a single sign-on is for. The account already linked to the provider's subject (issuer and
/// <c>sub</c>), if any; otherwise the one account whose e-mail is the <c>email</c> claim, and only when the provider
/// says the address is verified (<c>email_verified</c> true) and no other account has that address, and that account
/// is not linked to another subject. The first match links the account to the subject, so a later change of the
/// e-mail at the provider neither loses the account nor hands it to whoever takes the address.
/// </summary>
public static class SingleSignOnAccount
{
    /// <summary>The matching account, linked to the subject; null (logged) when there is none.</summary>
    public static async Task<UserAccount?> FindAsync(IAccountDirectoryGrain directory, ClaimsPrincipal? principal, string emailClaim, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(logger);
        var subjectClaim = principal?.FindFirst("sub");
        if (subjectClaim is null || string.IsNullOrEmpty(subjectClaim.Value))
        {
            logger.LogWarning("Single sign-on refused: the identity provider gave no subject");
            return null;
        }

        var subject = SubjectOf(subjectClaim);
        var accounts = await directory.ListAsync();
        var linked = accounts.Where(a => a.ExternalSubject == subject).ToList();
        if (linked.Count == 1)
        {
            return linked[0];
        }

        if (linked.Count > 1)
        {
            logger.LogWarning("Single sign-on refused: {Count} accounts are linked to the same subject", linked.Count);
            return null;
        }

        var email = principal!.FindFirst(emailClaim)?.Value?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            logger.LogWarning("Single sign-on refused: no account is linked to the subject and the identity provider gave no e-mail");
            return null;
        }

        if (!(bool.TryParse(principal.FindFirst("email_verified")?.Value, out var verified) && verified))
        {
            logger.LogWarning("Single sign-on refused: the identity provider did not say the e-mail is verified");
            return null;
        }

        var byEmail = accounts.Where(a => a.Email is not null && string.Equals(a.Email.Trim(), email, StringComparison.OrdinalIgnoreCase)).ToList();
        if (byEmail.Count != 1)
        {
            logger.LogWarning("Single sign-on refused: {Count} accounts have the e-mail the identity provider gave (one is needed)", byEmail.Count);
            return null;
        }

        if (byEmail[0].ExternalSubject is not null)
        {
            logger.LogWarning("Single sign-on refused: the account with that e-mail is linked to another subject");
            return null;
        }

        // Re-read just before linking, so the link does not undo a change an admin made meanwhile.
        var fresh = await directory.FindAsync(byEmail[0].UserName);
        if (fresh is null || fresh.ExternalSubject is not null || !string.Equals(fresh.Email?.Trim(), email, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var account = fresh with { ExternalSubject = subject };
        await directory.UpdateAsync(account);
        logger.LogInformation("Single sign-on linked {UserName} to its identity provider subject", account.UserName);
        return account;
    }

    /// <summary>The stored form of a subject: its issuer and <c>sub</c>, as <c>sub</c> is unique per issuer only.</summary>
    public static string SubjectOf(Claim subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return $"{subject.Issuer}|{subject.Value}";
    }
}
