using System.Text;

namespace SalesCoach.Live.Connectors.Verification;

/// <summary>Pipedrive sends a webhook created with <c>http_auth_user</c>/<c>http_auth_password</c> with HTTP Basic
/// authentication; both must equal <c>WebhookUser</c>/<c>WebhookPassword</c> (compared constant-time, together).</summary>
public static class PipedriveBasicAuth
{
    public static WebhookVerification Verify(WebhookRequest request, string? user, string? password)
    {
        if (string.IsNullOrEmpty(user) || string.IsNullOrEmpty(password))
        {
            return WebhookVerification.Refuse("no WebhookUser/WebhookPassword is configured");
        }

        var header = request.Header("Authorization");
        const string scheme = "Basic ";
        if (header is null || !header.TrimStart().StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return WebhookVerification.Refuse("no Basic Authorization header");
        }

        byte[] presented;
        try
        {
            presented = Convert.FromBase64String(header.TrimStart()[scheme.Length..].Trim());
        }
        catch (FormatException)
        {
            return WebhookVerification.Refuse("the Basic credentials are not base64");
        }

        var expected = Encoding.UTF8.GetBytes(user + ":" + password);
        return SecretCompare.Equal(presented, expected)
            ? WebhookVerification.Accept
            : WebhookVerification.Refuse("the Basic credentials do not match");
    }
}
