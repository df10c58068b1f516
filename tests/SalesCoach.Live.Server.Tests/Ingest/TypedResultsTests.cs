using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SalesCoach.Live.Server.Ingest;
using SalesCoach.Live.Server.Integrations;

namespace SalesCoach.Live.Server.Tests.Ingest;

/// <summary>
/// The ingest, void and webhook endpoints answer with <c>TypedResults</c> (and <c>Results&lt;…&gt;</c> return types)
/// where they used <c>Results.*</c>: each typed form writes the same status, headers and bytes as the untyped one it
/// replaced, with the server's problem-details service in place.
/// </summary>
public sealed class TypedResultsTests
{
    private static readonly Dictionary<string, string[]> Errors = new(StringComparer.Ordinal)
    {
        ["[0].repId"] = ["unknown rep 'zed'"],
        ["[2]"] = ["must be an activity object"],
    };

    private static readonly Dictionary<string, object?> Extensions = new() { ["deadLetterId"] = 7L, ["events"] = 2, ["accepted"] = 0 };

    public static TheoryData<string, IResult, IResult> Pairs => new()
    {
        { "202 ingest", Results.Json(new IngestAccepted(3, 1), statusCode: 202), TypedResults.Accepted((string?)null, new IngestAccepted(3, 1)) },
        { "400 ingest", Results.ValidationProblem(Errors, title: "Some activities are invalid; none were recorded."), TypedResults.ValidationProblem(Errors, title: "Some activities are invalid; none were recorded.") },
        { "400 body", Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["not valid JSON: x"] }), TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["not valid JSON: x"] }) },
        { "413", Results.Problem(detail: "too many", statusCode: 413, title: "Batch too large"), TypedResults.Problem(detail: "too many", statusCode: 413, title: "Batch too large") },
        { "503", Results.Problem(detail: "store", statusCode: 503, title: "Store unavailable"), TypedResults.Problem(detail: "store", statusCode: 503, title: "Store unavailable") },
        { "200 void", Results.Ok(new VoidAnswer("a", "void:a", false)), TypedResults.Ok(new VoidAnswer("a", "void:a", false)) },
        { "202 webhook", Results.Json(new WebhookAccepted(2, 1, 0, 0, 1, 7, Errors), statusCode: 202), TypedResults.Accepted((string?)null, new WebhookAccepted(2, 1, 0, 0, 1, 7, Errors)) },
        {
            "400 webhook",
            Results.ValidationProblem(Errors, detail: "Kept as dead letter 7", title: "No event of the payload could be taken.", extensions: Extensions),
            TypedResults.ValidationProblem(Errors, detail: "Kept as dead letter 7", title: "No event of the payload could be taken.", extensions: Extensions)
        },
        {
            "422 replay",
            Results.ValidationProblem(Errors, detail: "stays open", statusCode: 422, title: "The dead letter still cannot be taken.", extensions: Extensions),
            TypedResults.Problem(DeadLetterEndpoints.ValidationProblemDetails(Errors, "stays open", 422, "The dead letter still cannot be taken.", Extensions))
        },
        { "200 dead letters", Results.Json(new DeadLetterPage([], 12)), TypedResults.Ok(new DeadLetterPage([], 12)) },
        { "204", Results.NoContent(), TypedResults.NoContent() },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task A_typed_result_writes_what_the_untyped_one_wrote(string answer, IResult untyped, IResult typed)
    {
        var before = await WriteAsync(untyped);
        var after = await WriteAsync(typed);

        Assert.Equal(before, after);
        Assert.False(string.IsNullOrEmpty(answer));
    }

    private static async Task<(int Status, string Headers, string Body)> WriteAsync(IResult result)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services, TraceIdentifier = "trace-1" };
        using var body = new MemoryStream();
        context.Response.Body = body;

        await result.ExecuteAsync(context);

        var headers = string.Join("\n", context.Response.Headers.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => $"{h.Key}: {h.Value}"));
        return (context.Response.StatusCode, headers, Encoding.UTF8.GetString(body.ToArray()));
    }
}
