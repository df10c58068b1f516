using System.Net;
using System.Net.Http.Json;

namespace SalesCoach.Live.Server.Tests.Infrastructure;

/// <summary>
/// What a client does with "come back later": a <c>503</c> is sent again after its <c>Retry-After</c>, a bounded number of
/// times; any other answer is final. Tests that read the body of an answer that may be a 503 (a short store timeout on
/// a busy machine) go through here, as a CRM's connector would.
/// </summary>
public static class Retrying
{
    /// <summary>The attempts a test allows, the first included, unless it says otherwise.</summary>
    public const int DefaultAttempts = 6;

    /// <summary>
    /// Sends with <paramref name="send"/> until the answer is not a 503, at most <paramref name="maxAttempts"/> times,
    /// waiting each 503's <c>Retry-After</c> (capped at <paramref name="maxWait"/> when given, to keep a test short);
    /// returns the last answer and how many 503s came before it. A 503 without <c>Retry-After</c> fails the test.
    /// </summary>
    public static async Task<(HttpResponseMessage Response, int Refused)> SendAsync(
        Func<Task<HttpResponseMessage>> send, int maxAttempts = DefaultAttempts, TimeSpan? maxWait = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await send();
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == maxAttempts)
            {
                return (response, attempt - 1);
            }

            Assert.NotNull(response.Headers.RetryAfter);
            var wait = response.Headers.RetryAfter.Delta
                ?? (response.Headers.RetryAfter.Date is { } date ? date - DateTimeOffset.UtcNow : TimeSpan.FromSeconds(1));
            if (maxWait is { } cap && wait > cap)
            {
                wait = cap;
            }

            response.Dispose();
            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
        }
    }

    /// <summary>Posts an ingest batch (see <see cref="SendAsync"/>); the final answer must be <c>202</c>.</summary>
    public static async Task<(System.Text.Json.JsonElement Answer, int Refused)> PostActivitiesAsync(HttpClient ingest, object batch, int maxAttempts = DefaultAttempts, TimeSpan? maxWait = null)
    {
        var (response, refused) = await SendAsync(() => ingest.PostAsJsonAsync("/api/activities", batch), maxAttempts, maxWait);
        using (response)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"ingest answered {(int)response.StatusCode} after {refused} refusals: {await response.Content.ReadAsStringAsync()}");
            return (await Json.ReadAsync(response), refused);
        }
    }
}
