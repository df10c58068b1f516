using System.Text;
using SalesCoach.Live.Connectors.Verification;

namespace SalesCoach.Live.Connectors.Tests.Verification;

public sealed class HubSpotSignatureTests
{
    private const string Secret = "hubspot-test-secret";
    private const string Body = """[{"eventId":3816279340,"objectId":1246965}]""";
    private const string Timestamp = "1764926400000";
    private const string PostedUrl = "https://coach.example.com/api/connectors/hubspot/webhook?portal=33&ref=a%3Ab";

    // Computed outside .NET: printf '%s' 'POSThttps://coach.example.com/api/connectors/hubspot/webhook?portal=33&ref=a:b'
    // followed by the body and the timestamp | openssl dgst -sha256 -hmac 'hubspot-test-secret' -binary | base64
    private const string OpensslSignature = "VWJs2RFfAvUR3QUPq/nZueGzxRof+QuBh/OFwWMUECc=";

    private static readonly DateTimeOffset SentAt = DateTimeOffset.FromUnixTimeMilliseconds(1764926400000);

    private static WebhookRequest Request(string? signature = OpensslSignature, string? timestamp = Timestamp, string url = PostedUrl, string body = Body, string method = "POST", bool lowerCaseHeaders = false)
    {
        var headers = new Dictionary<string, string>();
        if (signature is not null)
        {
            headers[lowerCaseHeaders ? "x-hubspot-signature-v3" : "X-HubSpot-Signature-v3"] = signature;
        }

        if (timestamp is not null)
        {
            headers[lowerCaseHeaders ? "x-hubspot-request-timestamp" : "X-HubSpot-Request-Timestamp"] = timestamp;
        }

        return new WebhookRequest(method, url, headers, Encoding.UTF8.GetBytes(body));
    }

    [Fact]
    public void The_signature_matches_one_computed_independently_with_openssl()
    {
        var uri = HubSpotSignature.SignedUri(PostedUrl, null)!;
        Assert.Equal("https://coach.example.com/api/connectors/hubspot/webhook?portal=33&ref=a:b", uri);
        Assert.Equal(OpensslSignature, HubSpotSignature.Compute(Secret, "POST", uri, Encoding.UTF8.GetBytes(Body), Timestamp));
    }

    public static TheoryData<string, WebhookRequest, string?, TimeSpan, bool> Cases() => new()
    {
        { "valid, sent now", Request(), null, TimeSpan.Zero, true },
        { "valid, header names in lower case", Request(lowerCaseHeaders: true), null, TimeSpan.Zero, true },
        { "valid, 4:59 old", Request(), null, TimeSpan.FromSeconds(299), true },
        { "valid, exactly 5 minutes old", Request(), null, TimeSpan.FromMinutes(5), true },
        { "stale: 5 minutes and 1 ms old", Request(), null, TimeSpan.FromMinutes(5) + TimeSpan.FromMilliseconds(1), false },
        { "stale: an hour old", Request(), null, TimeSpan.FromHours(1), false },
        { "from the future beyond the skew allowed", Request(), null, -TimeSpan.FromMinutes(6), false },
        { "body changed", Request(body: Body.Replace("1246965", "1246966", StringComparison.Ordinal)), null, TimeSpan.Zero, false },
        { "timestamp changed (signature of another time)", Request(timestamp: "1764926400001"), null, TimeSpan.Zero, false },
        { "method changed", Request(method: "PUT"), null, TimeSpan.Zero, false },
        { "path changed", Request(url: PostedUrl.Replace("/webhook", "/webhook2", StringComparison.Ordinal)), null, TimeSpan.Zero, false },
        { "signature missing", Request(signature: null), null, TimeSpan.Zero, false },
        { "timestamp missing", Request(timestamp: null), null, TimeSpan.Zero, false },
        { "timestamp not a number", Request(timestamp: "yesterday"), null, TimeSpan.Zero, false },
        { "signature not base64", Request(signature: "not base64!"), null, TimeSpan.Zero, false },
        { "signature of another secret", Request(signature: Convert.ToBase64String(new byte[32])), null, TimeSpan.Zero, false },
        {
            "behind a proxy: PublicUrl gives scheme and host, the request its path and query",
            Request(url: "http://10.0.0.5:8080/api/connectors/hubspot/webhook?portal=33&ref=a%3Ab"),
            "https://coach.example.com/", TimeSpan.Zero, true
        },
        {
            "behind a proxy without PublicUrl: the internal URL does not match",
            Request(url: "http://10.0.0.5:8080/api/connectors/hubspot/webhook?portal=33&ref=a%3Ab"),
            null, TimeSpan.Zero, false
        },
        {
            "PublicUrl of another host",
            Request(url: "http://10.0.0.5:8080/api/connectors/hubspot/webhook?portal=33&ref=a%3Ab"),
            "https://other.example.com", TimeSpan.Zero, false
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Verify(string because, WebhookRequest request, string? publicUrl, TimeSpan age, bool accepted)
    {
        var verdict = HubSpotSignature.Verify(request, Secret, publicUrl, SentAt + age);
        Assert.True(accepted == verdict.Accepted, $"{because}: {verdict.Reason}");
        Assert.Equal(accepted, verdict.Reason is null);
    }

    [Fact]
    public void No_client_secret_refuses_everything()
    {
        Assert.False(HubSpotSignature.Verify(Request(), null, null, SentAt).Accepted);
        Assert.False(HubSpotSignature.Verify(Request(), "", null, SentAt).Accepted);
    }

    [Theory]
    [InlineData("https://h/p?a=%3A%2F%3F%40%21%24%27%28%29%2A%2C%3B", "https://h/p?a=:/?@!$'()*,;")]
    [InlineData("https://h/p?a=%3a%2f", "https://h/p?a=:/")]
    [InlineData("https://h/p?q=a%20b%26c%3D", "https://h/p?q=a%20b%26c%3D")]
    [InlineData("https://h/p%", "https://h/p%")]
    public void Decode_only_the_encodings_HubSpot_lists(string raw, string decoded) =>
        Assert.Equal(decoded, HubSpotSignature.Decode(raw));

    [Fact]
    public void A_documented_payload_signed_and_verified_round_trips()
    {
        var body = Payloads.Bytes("HubSpot", "webhook-documented-example.json");
        const string url = "https://coach.example.com/api/connectors/hubspot/webhook";
        var signature = HubSpotSignature.Compute(Secret, "POST", url, body, Timestamp);
        var request = new WebhookRequest("POST", url, new Dictionary<string, string>
        {
            [HubSpotSignature.SignatureHeader] = signature,
            [HubSpotSignature.TimestampHeader] = Timestamp,
        }, body);

        Assert.True(HubSpotSignature.Verify(request, Secret, null, SentAt).Accepted);
        body[10] ^= 1;
        Assert.False(HubSpotSignature.Verify(request with { Body = body }, Secret, null, SentAt).Accepted);
    }
}
