using System.Text.Json;

namespace SalesCoach.Live.Connectors.Verification;

/// <summary>Aircall puts the webhook's token in every body (<c>{ resource, event, timestamp, token, data }</c>);
/// there is no signature header. The body's <c>token</c> must equal <c>Token</c> (constant-time).</summary>
public static class AircallToken
{
    public static WebhookVerification Verify(WebhookRequest request, string? expectedToken) => Verify(request.Body.Span, expectedToken);

    public static WebhookVerification Verify(ReadOnlySpan<byte> body, string? expectedToken)
    {
        if (string.IsNullOrEmpty(expectedToken))
        {
            return WebhookVerification.Refuse("no Token is configured");
        }

        string? token = null;
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return WebhookVerification.Refuse("the body is not a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isToken = reader.ValueTextEquals("token"u8);
                reader.Read();
                if (isToken && reader.TokenType == JsonTokenType.String)
                {
                    token = reader.GetString();
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            return WebhookVerification.Refuse("the body is not JSON");
        }

        if (token is null)
        {
            return WebhookVerification.Refuse("the body has no token");
        }

        return SecretCompare.Equal(token, expectedToken)
            ? WebhookVerification.Accept
            : WebhookVerification.Refuse("the body's token does not match");
    }
}
