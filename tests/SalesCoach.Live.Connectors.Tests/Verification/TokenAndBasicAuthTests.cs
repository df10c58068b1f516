using System.Text;
using SalesCoach.Live.Connectors.Verification;

namespace SalesCoach.Live.Connectors.Tests.Verification;

public sealed class AircallTokenTests
{
    private const string Token = "45XXYYZZa08";

    [Theory]
    [InlineData("documented shape, right token", """{"resource":"call","event":"call.ended","timestamp":1,"token":"45XXYYZZa08","data":{}}""", true)]
    [InlineData("token after data", """{"resource":"call","data":{"token":"nested"},"token":"45XXYYZZa08"}""", true)]
    [InlineData("wrong token", """{"resource":"call","token":"45XXYYZZa09","data":{}}""", false)]
    [InlineData("token of another case", """{"resource":"call","token":"45xxyyzza08","data":{}}""", false)]
    [InlineData("a prefix of the token", """{"token":"45XXYYZZa0"}""", false)]
    [InlineData("the token with more after it", """{"token":"45XXYYZZa08x"}""", false)]
    [InlineData("no token", """{"resource":"call","data":{}}""", false)]
    [InlineData("the right token only nested in data", """{"resource":"call","data":{"token":"45XXYYZZa08"}}""", false)]
    [InlineData("token not a string", """{"token":45}""", false)]
    [InlineData("not JSON", "token=45XXYYZZa08", false)]
    [InlineData("an array", """[{"token":"45XXYYZZa08"}]""", false)]
    [InlineData("empty body", "", false)]
    public void Verify(string because, string body, bool accepted)
    {
        var verdict = AircallToken.Verify(Encoding.UTF8.GetBytes(body), Token);
        Assert.True(accepted == verdict.Accepted, $"{because}: {verdict.Reason}");
    }

    [Fact]
    public void The_saved_payloads_carry_the_token()
    {
        foreach (var file in new[] { "call-ended-answered.json", "call-ended-missed.json", "call-tagged.json" })
        {
            Assert.True(AircallToken.Verify(Payloads.Bytes("Aircall", file), Token).Accepted, file);
            Assert.False(AircallToken.Verify(Payloads.Bytes("Aircall", file), "another").Accepted, file);
        }
    }

    [Fact]
    public void No_configured_token_refuses_even_an_empty_token() =>
        Assert.False(AircallToken.Verify("""{"token":""}"""u8, "").Accepted);
}

public sealed class PipedriveBasicAuthTests
{
    private static WebhookRequest Request(string? authorization)
    {
        var headers = new Dictionary<string, string>();
        if (authorization is not null)
        {
            headers["authorization"] = authorization;
        }

        return new WebhookRequest("POST", "https://coach.example.com/api/connectors/pipedrive/webhook", headers, "{}"u8.ToArray());
    }

    private static string Basic(string credentials) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials));

    [Theory]
    [InlineData("right user and password", "pipedrive:s3cret:with:colons", true)]
    [InlineData("wrong password", "pipedrive:s3cret:with:colonx", false)]
    [InlineData("wrong user", "pipedrivf:s3cret:with:colons", false)]
    [InlineData("user and password swapped around the first colon", "s3cret:pipedrive:with:colons", false)]
    [InlineData("password only", "s3cret:with:colons", false)]
    [InlineData("empty", "", false)]
    public void Verify(string because, string credentials, bool accepted)
    {
        var verdict = PipedriveBasicAuth.Verify(Request(Basic(credentials)), "pipedrive", "s3cret:with:colons");
        Assert.True(accepted == verdict.Accepted, $"{because}: {verdict.Reason}");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer abc")]
    [InlineData("Basic not-base64!")]
    [InlineData("Basic")]
    public void Other_authorization_is_refused(string? header) =>
        Assert.False(PipedriveBasicAuth.Verify(Request(header), "pipedrive", "pw").Accepted);

    [Fact]
    public void The_scheme_is_case_insensitive() =>
        Assert.True(PipedriveBasicAuth.Verify(Request("basic " + Convert.ToBase64String("u:p"u8)), "u", "p").Accepted);

    [Fact]
    public void Without_configured_credentials_everything_is_refused() =>
        Assert.False(PipedriveBasicAuth.Verify(Request(Basic(":")), "", "").Accepted);
}
