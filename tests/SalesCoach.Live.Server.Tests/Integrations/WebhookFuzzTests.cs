using System.Text;
using SalesCoach.Live.Server.Tests.Infrastructure;

namespace SalesCoach.Live.Server.Tests.Integrations;

/// <summary>Mutated sender payloads (odd types, bad text, truncation, nesting) never get a 5xx from a webhook.</summary>
public sealed class WebhookFuzzTests(WebhookFixture fixture) : IClassFixture<WebhookFixture>
{
    private static readonly string[] Replacements =
    [
        "null", "true", "0", "-1", "1.5", "1e400", "\"\"", "[]", "{}", "[1,2,3]", "{\"a\":{\"b\":[]}}", "\"\\u0000\"",
        "\"\\ud800\"", "\"\u0007bell\"", "\"" + new string('x', 5_000) + "\"", "99999999999999999999999999999",
        "\"2026-13-45T99:99:99+9999\"", "\"connected\"", "\"meeting_booked\"", "\"zed@example.com\"", "-99999999999999999999",
    ];

    private readonly SalesCoachApp _app = fixture.App;

    [Theory]
    [InlineData("dialer", "dialer-batch.json")]
    [InlineData("crm-engagements", "hubspot-engagements.json")]
    [InlineData("crm-outbound", "salesforce-outbound.json")]
    [InlineData("salesforce-events", "salesforce-platform-event.json")]
    public async Task Mutated_payloads_never_get_a_5xx(string source, string sample)
    {
        var random = new Random(20261124);
        var text = Encoding.UTF8.GetString(WebhookSettings.Sample(sample));
        var values = System.Text.RegularExpressions.Regex.Matches(text, @"(?<=: )(""[^""]*""|-?\d[\d.]*|null|true|false)").Select(m => m.Value).Distinct().ToArray();
        for (var i = 0; i < 60; i++)
        {
            var body = (i % 6) switch
            {
                0 => text[..random.Next(text.Length)],
                1 => new string('[', 200) + text,
                _ => Replace(text, values[random.Next(values.Length)], Replacements[random.Next(Replacements.Length)]),
            };

            var response = await WebhookSettings.PostAsync(_app, source, body);

            Assert.True((int)response.StatusCode < 500, $"{source} case {i} got {(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
            if ((int)response.StatusCode != 202)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
    }

    private static string Replace(string text, string value, string replacement)
    {
        var at = text.IndexOf(value, StringComparison.Ordinal);
        return at < 0 ? text : text[..at] + replacement + text[(at + value.Length)..];
    }
}
