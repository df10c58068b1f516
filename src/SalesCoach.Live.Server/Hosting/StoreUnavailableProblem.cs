using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SalesCoach.Live.Server.Hosting;

/// <summary>The one way an endpoint says "the store is not answering": <c>503</c> problem with <c>Retry-After</c>.</summary>
public static class StoreUnavailableProblem
{
    public static ProblemHttpResult Create(HttpContext http, TimeSpan retryAfter, string detail)
    {
        http.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Store unavailable");
    }
}
