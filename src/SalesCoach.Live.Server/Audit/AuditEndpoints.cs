using SalesCoach.Live.Abstractions.Boards;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Boards;
using SalesCoach.Live.Server.Ingest;
using SalesCoach.Live.Server.Security;
using SalesCoach.Live.Storage.Activities;

namespace SalesCoach.Live.Server.Audit;

/// <summary>
/// "Why did my score change?": every entry of the log that moved a rep's numbers in a time range (activities and
/// their voids), with the points each one added or took away, and the totals per metric.
/// </summary>
public static class AuditEndpoints
{
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(93);

    public static WebApplication MapAudit(this WebApplication app)
    {
        app.MapGet("/api/reps/{repId}/audit", GetAsync)
            .RequireAuthorization(SecurityExtensions.ReadPolicy)
            .WithSummary("The log entries (activities and voids) that moved a rep's numbers between ?from= and ?to= (default: today so far).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> GetAsync(
        string repId, string? from, string? to, Organization org, IActivityLog log, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (org.FindRep(repId) is not { } rep)
        {
            return Results.Problem(detail: $"unknown rep '{repId}'", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        if (!InstantQuery.TryParse(from, out var fromInstant) || !InstantQuery.TryParse(to, out var toInstant))
        {
            var bad = InstantQuery.TryParse(from, out _) ? "to" : "from";
            return Results.ValidationProblem(new Dictionary<string, string[]> { [bad] = ["must be an ISO-8601 date and time with an offset"] });
        }

        var calendar = org.TeamOf(rep).Calendar;
        var end = toInstant ?? clock.GetUtcNow();
        var start = fromInstant ?? calendar.At(calendar.LocalDate(end), TimeSpan.Zero);
        if (start > end || end - start > MaxRange)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["from"] = ["must be before to, at most 93 days apart"] });
        }

        var entries = (await log.ReadByOccurrenceAsync([rep.Id], start, end, cancellationToken))
            .OrderBy(a => a.OccurredAt).ThenBy(a => a.Seq)
            .Select(a =>
            {
                var isVoid = a.Source == IngestPipeline.VoidSource && a.Id.StartsWith(IngestPipeline.VoidPrefix, StringComparison.Ordinal);
                return new
                {
                    a.Id,
                    Kind = isVoid ? "void" : "activity",
                    Voids = isVoid ? a.Id[IngestPipeline.VoidPrefix.Length..] : null,
                    a.Type,
                    a.Quantity,
                    a.Value,
                    Points = a.Quantity * (org.FindMetric(a.Type)?.Points ?? 0),
                    OccurredAt = BoardJson.FormatInstant(calendar.ToLocal(a.OccurredAt)),
                    ReceivedAt = BoardJson.FormatInstant(a.ReceivedAt),
                    a.Source,
                };
            })
            .ToList();
        return Results.Ok(new
        {
            RepId = rep.Id,
            From = BoardJson.FormatInstant(calendar.ToLocal(start)),
            To = BoardJson.FormatInstant(calendar.ToLocal(end)),
            Points = entries.Sum(e => e.Points),
            Metrics = entries.GroupBy(e => e.Type).ToDictionary(g => g.Key, g => new { Quantity = g.Sum(e => e.Quantity), Points = g.Sum(e => e.Points) }),
            Entries = entries,
        });
    }
}
