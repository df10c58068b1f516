using System.Net;
using System.Security.Cryptography;
using System.Text;
using SalesCoach.Live.Server.Integrations;
using SalesCoach.Live.Server.Tests.Infrastructure;

namespace SalesCoach.Live.Server.Tests.Integrations;

/// <summary>HMAC-SHA256 signatures per source: a signed body needs no API key; a bad signature is refused and not kept.</summary>
public sealed class WebhookSignatureTests(WebhookFixture fixture) : IClassFixture<WebhookFixture>
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes(WebhookSettings.DialerSecret);

    private readonly SalesCoachApp _app = fixture.App;

    [Fact]
    public async Task A_body_signed_with_the_source_secret_is_taken_without_an_API_key()
    {
        var body = Call();

        var response = await WebhookSettings.PostAsync(_app, "dialer", body, key: null, ("X-Signature", WebhookSignature.Sign(Secret, body)));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(1, (await Json.ReadAsync(response)).GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task Plain_hex_and_base64_signatures_are_accepted_too()
    {
        var hexBody = Call();
        var base64Body = Call();

        var hex = await WebhookSettings.PostAsync(_app, "dialer", hexBody, key: null, ("X-Signature", Convert.ToHexString(HMACSHA256.HashData(Secret, hexBody))));
        var base64 = await WebhookSettings.PostAsync(_app, "dialer", base64Body, key: null, ("X-Signature", Convert.ToBase64String(HMACSHA256.HashData(Secret, base64Body))));

        Assert.Equal(HttpStatusCode.Accepted, hex.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, base64.StatusCode);
    }

    [Theory]
    [InlineData("wrong-secret", null)]
    [InlineData("wrong-secret", SalesCoachApp.IngestKey)]
    [InlineData("garbage", null)]
    public async Task A_bad_signature_is_a_401_problem_and_is_not_dead_lettered(string what, string? key)
    {
        var body = Call();
        var signature = what == "garbage" ? "sha256=not-hex-at-all" : WebhookSignature.Sign(Encoding.UTF8.GetBytes("another secret"), body);
        var deadLettersBefore = await OpenDeadLetterCountAsync();

        var response = await WebhookSettings.PostAsync(_app, "dialer", body, key, ("X-Signature", signature));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("signature", (await Json.ReadAsync(response)).GetProperty("detail").GetString());
        Assert.Equal(deadLettersBefore, await OpenDeadLetterCountAsync());
    }

    [Fact]
    public async Task A_tampered_body_fails_the_signature_of_the_original()
    {
        var body = Call();
        var signature = WebhookSignature.Sign(Secret, body);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("anna@", "ben@", StringComparison.Ordinal));

        var response = await WebhookSettings.PostAsync(_app, "dialer", tampered, key: null, ("X-Signature", signature));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(null, "sign the body")]
    [InlineData(SalesCoachApp.ReadKey, "does not have the scope ingest")]
    [InlineData("not-a-key-but-long-enough-000", "not valid")]
    public async Task Without_an_ingest_key_or_a_signature_it_is_401(string? key, string detail)
    {
        var response = await WebhookSettings.PostAsync(_app, "dialer", Call(), key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, (await Json.ReadAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_source_without_a_secret_takes_API_keys_only()
    {
        var body = Encoding.UTF8.GetBytes("[]");

        var response = await WebhookSettings.PostAsync(_app, "crm-engagements", body, key: null, ("X-Signature", WebhookSignature.Sign(Secret, body)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public void The_check_is_HMAC_SHA256_of_the_exact_bytes()
    {
        var body = Encoding.UTF8.GetBytes("{\"a\":1}");
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Secret, body));

        Assert.True(WebhookSignature.IsValid(Secret, body, "sha256=" + expected));
        Assert.True(WebhookSignature.IsValid(Secret, body, "SHA256=" + expected.ToUpperInvariant()));
        Assert.False(WebhookSignature.IsValid(Secret, Encoding.UTF8.GetBytes("{\"a\": 1}"), "sha256=" + expected));
        Assert.False(WebhookSignature.IsValid(Secret, body, "sha256=" + expected[..^2]));
        Assert.False(WebhookSignature.IsValid(Secret, body, ""));
    }

    private static byte[] Call() => Encoding.UTF8.GetBytes(
        $$"""{ "call_id": "{{Guid.NewGuid():N}}", "agent_email": "anna@example.com", "outcome": "connected", "ended_at": "2026-11-24T12:00:00+01:00" }""");

    private async Task<int> OpenDeadLetterCountAsync()
    {
        var page = await Json.ReadAsync(await _app.Client(SalesCoachApp.AdminKey).GetAsync("/api/webhooks/dead-letters?source=dialer&limit=1000"));
        return page.GetProperty("items").GetArrayLength();
    }
}
