using Microsoft.AspNetCore.Http.HttpResults;
using SalesCoach.Live.Abstractions.Json;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Boards;
using SalesCoach.Live.Server.OrgSetup;
using SalesCoach.Live.Server.Security;

namespace SalesCoach.Live.Server.Audit;

/// <summary>
/// "Why did my score change?": every entry of the log that moved a rep's numbers in a time range (activities and
/// their voids), with the points each one added or took away, and the totals per metric; and the rule changes of org
/// revisions saved in the range that concern the rep (their goals, their team's calendar, points, moves).
/// </summary>
public static class AuditEndpoints
{
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(93);

    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ScoreAudit>();
        return builder;
    }

    public static WebApplication MapAudit(this WebApplication app)
    {
        app.MapGet("/api/reps/{repId}/audit", GetAsync)
            .RequireAuthorization(SecurityExtensions.ReadPolicy)
            .WithSummary("The log entries (activities and voids) and org rule changes that moved a rep's numbers between ?from= and ?to= (default: today so far).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<object>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string repId, string? from, string? to, Organization org, ScoreAudit audit, OrgHistory history, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (org.FindRep(repId) is not { } rep)
        {
            return TypedResults.Problem(detail: $"unknown rep '{repId}'", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        if (!InstantQuery.TryParse(from, out var fromInstant) || !InstantQuery.TryParse(to, out var toInstant))
        {
            var bad = InstantQuery.TryParse(from, out _) ? "to" : "from";
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [bad] = ["must be an ISO-8601 date and time with an offset"] });
        }

        var calendar = org.TeamOf(rep).Calendar;
        var end = toInstant ?? clock.GetUtcNow();
        var start = fromInstant ?? calendar.At(calendar.LocalDate(end), TimeSpan.Zero);
        if (start > end || end - start > MaxRange)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = ["must be before to, at most 93 days apart"] });
        }

        var entries = await audit.ReadAsync(rep, start, end, cancellationToken);
        var ruleChanges = (await history.SavedBetweenAsync(start, end, cancellationToken))
            .SelectMany(r => r.Changes
                .Where(c => c.Concerns(rep.Id, r.TeamsOf(rep.Id)))
                .Select(c => new
                {
                    r.Revision.Revision,
                    At = ContractJson.FormatInstant(calendar.ToLocal(r.Revision.SavedAt)),
                    By = r.Revision.SavedBy,
                    c.Kind,
                    c.TeamId,
                    c.Metric,
                    c.Before,
                    c.After,
                    c.Text,
                }))
            .ToList();
        return TypedResults.Ok<object>(new
        {
            RepId = rep.Id,
            From = ContractJson.FormatInstant(calendar.ToLocal(start)),
            To = ContractJson.FormatInstant(calendar.ToLocal(end)),
            Points = entries.Sum(e => e.Points),
            Metrics = entries.GroupBy(e => e.Type).ToDictionary(g => g.Key, g => new { Quantity = g.Sum(e => e.Quantity), Points = g.Sum(e => e.Points) }),
            Entries = entries,
            RuleChanges = ruleChanges,
        });
    }
}
