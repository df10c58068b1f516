using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using SalesCoach.Live.Server.Ingest;

namespace SalesCoach.Live.Server.Hosting;

/// <summary>
/// A request that fails because the store did not answer (a database error or a timeout, however deep in the
/// exception) gets a <c>503</c> problem with <c>Retry-After</c>, as ingest does, not a bare 500: the caller should
/// come back, and nothing it asked for was half done. Other exceptions go on to the default handler.
/// </summary>
public sealed class StoreUnavailableExceptionHandler(ILogger<StoreUnavailableExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsStoreUnavailable(exception) || httpContext.Response.HasStarted)
        {
            return false;
        }

        logger.LogWarning(exception, "The store did not answer {Method} {Path}; answering 503", httpContext.Request.Method, httpContext.Request.Path);
        await StoreUnavailableProblem.Create(httpContext, IngestPipeline.RetryAfter, "The store did not answer in time. Try again after the Retry-After delay.")
            .ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>Whether a database error or a timeout is the exception or one of its inner exceptions.</summary>
    public static bool IsStoreUnavailable(Exception exception) => exception switch
    {
        DbException or TimeoutException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsStoreUnavailable),
        { InnerException: { } inner } => IsStoreUnavailable(inner),
        _ => false,
    };
}
