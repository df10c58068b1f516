using System.Net;
using System.Text;
using SalesCoach.Live.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SalesCoach.Live.Server.Tests.Ingest;

/// <summary>
/// Mutated ingest bodies (types, sizes, encodings, nesting, huge strings, NaN, control characters, duplicate keys,
/// truncation) get 4xx answers, never a 5xx, and the store holds exactly what the 202 answers acknowledged.
/// </summary>
public sealed class FuzzTests(AppFixture fixture, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    private const string Day = "2026-03-03";

    private static readonly string[] Replacements =
    [
        "null", "true", "0", "-1", "1.5", "1e400", "-0", "\"\"", "[]", "{}", "[1,2,3]", "{\"a\":{\"b\":[]}}",
        "NaN", "Infinity", "\"\\u0000\"", "\"\\ud800\"", "\"\u0007bell\"", "\"<script>alert(1)</script>\"",
        "\"" + new string('x', 100_000) + "\"", "99999999999999999999999999", "\"2026-13-45T99:99:99+99:99\"",
        "\"2026-03-03T10:00:00+01:00\"", "\"zed\"", "\"anna\"", "\"call\"", "12345", "\"'; DROP TABLE activities; --\"",
    ];

    private static readonly string[] Fields = ["id", "repId", "type", "occurredAt", "quantity", "value", "source"];

    private readonly SalesCoachApp _app = fixture.App;

    [Fact]
    public async Task Mutated_bodies_never_get_a_5xx_and_the_store_holds_exactly_what_was_acknowledged()
    {
        var random = new Random(20261126);
        var acknowledged = 0;
        var statuses = new Dictionary<int, int>();
        var client = _app.Client(SalesCoachApp.IngestKey);
        for (var i = 0; i < 400; i++)
        {
            var body = Mutate(random, i);
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            var response = await client.PostAsync("/api/activities", content);
            statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
            Assert.True((int)response.StatusCode < 500, $"case {i} got {(int)response.StatusCode}: {Encoding.UTF8.GetString(body[..Math.Min(body.Length, 300)])}");
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                var answer = await Json.ReadAsync(response);
                acknowledged += answer.GetProperty("accepted").GetInt32();
            }
            else
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }

        output.WriteLine(string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        var board = await Json.ReadAsync(await _app.Client(SalesCoachApp.ReadKey).GetAsync($"/api/teams/alpha/board?at={Day}T23:00:00%2B01:00"));
        var stored = board.GetProperty("reps").EnumerateArray().Sum(r => r.GetProperty("metrics").GetProperty("call").GetProperty("actual").GetDouble());
        Assert.Equal(acknowledged, stored);
    }

    private static byte[] Mutate(Random random, int index)
    {
        // A valid batch of two calls on the fuzz day, then one mutation.
        var items = Enumerable.Range(0, 2).Select(n => new Dictionary<string, string>
        {
            ["id"] = $"\"fuzz-{index}-{n}\"",
            ["repId"] = "\"anna\"",
            ["type"] = "\"call\"",
            ["occurredAt"] = $"\"{Day}T10:00:00+01:00\"",
            ["quantity"] = "1",
        }).ToList();
        var kind = random.Next(8);
        switch (kind)
        {
            case 0:
                items[random.Next(2)][Fields[random.Next(Fields.Length)]] = Replacements[random.Next(Replacements.Length)];
                break;
            case 1:
                items[random.Next(2)].Remove(Fields[random.Next(4)]);
                break;
            case 2:
                // A duplicate key: the reader sees one of the two values, never both.
                var field = Fields[random.Next(Fields.Length)];
                return Encoding.UTF8.GetBytes("[" + Render(items[0]).TrimEnd('}') + $",\"{field}\":{Replacements[random.Next(Replacements.Length)]}}}]");
            case 3:
                return Encoding.UTF8.GetBytes(new string('[', 200 + random.Next(5000)) + new string(']', 10));
            case 4:
                var text = Encoding.UTF8.GetBytes("[" + string.Join(",", items.Select(Render)) + "]");
                return text[..random.Next(text.Length)];
            case 5:
                var bytes = Encoding.UTF8.GetBytes("[" + string.Join(",", items.Select(Render)) + "]");
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                return bytes;
            case 6:
                return Encoding.UTF8.GetBytes("[" + Render(items[0]) + "," + Replacements[random.Next(Replacements.Length)] + "]");
            default:
                items[0]["extra"] = Replacements[random.Next(Replacements.Length)];
                break;
        }

        return Encoding.UTF8.GetBytes("[" + string.Join(",", items.Select(Render)) + "]");
    }

    private static string Render(Dictionary<string, string> item) =>
        "{" + string.Join(",", item.Select(kv => $"\"{kv.Key}\":{kv.Value}")) + "}";
}
