namespace SalesCoach.Live.Server.Accounts;

/// <summary>
/// Optional OpenID Connect single sign-on (configuration section <c>Auth:Oidc</c>): on when <see cref="Authority"/> and
/// <see cref="ClientId"/> are set. A person who signs in by SSO must already have an account with the same e-mail: SSO
/// proves who they are; the account says what they may see.
/// </summary>
public sealed class OidcOptions
{
    public const string Section = "Auth:Oidc";

    /// <summary>The identity provider's issuer URL (its discovery document is read from there).</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The claim holding the e-mail address (default <c>email</c>).</summary>
    public string EmailClaim { get; set; } = "email";

    /// <summary>Refuse an identity provider whose metadata is not on https (default true; only a test turns it off).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The name on the sign-in page's button.</summary>
    public string DisplayName { get; set; } = "single sign-on";

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
