using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SalesCoach.Live.Connectors.Http;

internal static class VendorHttp
{
    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, string connector, CancellationToken ct)
    {
        await EnsureSuccessAsync(response, connector, ct).ConfigureAwait(false);
        await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        return await JsonSerializer.DeserializeAsync(stream, type, ct).ConfigureAwait(false)
            ?? throw new VendorApiException(connector, response.StatusCode, null, "the answer is empty");
    }

    public static async Task EnsureSuccessAsync(HttpResponseMessage response, string connector, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        var (code, message) = ErrorOf(body);
        if (response.StatusCode == HttpStatusCode.TooManyRequests || code == "REQUEST_LIMIT_EXCEEDED")
        {
            throw new VendorRateLimitedException(connector, response.StatusCode, code, message, RetryAfter(response.Headers.RetryAfter));
        }

        throw new VendorApiException(connector, response.StatusCode, code, message);
    }

    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow,
        _ => null,
    };

    /// <summary>The error code and message of a vendor error body: Salesforce <c>[{ errorCode, message }]</c>, HubSpot
    /// <c>{ category, message }</c>, Pipedrive <c>{ error, error_info }</c>, OAuth <c>{ error, error_description }</c>.</summary>
    private static (string? Code, string Message) ErrorOf(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var e = json.RootElement.ValueKind == JsonValueKind.Array && json.RootElement.GetArrayLength() > 0 ? json.RootElement[0] : json.RootElement;
            if (e.ValueKind != JsonValueKind.Object)
            {
                return (null, Short(body));
            }

            var code = Text(e, "errorCode") ?? Text(e, "category") ?? Text(e, "error");
            var message = Text(e, "message") ?? Text(e, "error_description") ?? Text(e, "error_info") ?? Short(body);
            return (code, message);
        }
        catch (JsonException)
        {
            return (null, Short(body));
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string Short(string body) => body.Length <= 200 ? body : body[..200];
}
