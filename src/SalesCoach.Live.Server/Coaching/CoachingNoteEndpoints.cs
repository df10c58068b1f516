using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesCoach.Live.Abstractions.Coaching;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Security;

namespace SalesCoach.Live.Server.Coaching;

/// <summary>
/// The 1:1 log: write a coaching note, list a rep's notes with the effect of each (pace and conversion before and
/// after), and the coaching time per rep in a month against the three hours a month the research recommends.
/// </summary>
public static class CoachingNoteEndpoints
{
    /// <summary>Coaching time a rep should get in a month (research on sales coaching: three hours).</summary>
    public const int RecommendedMinutesPerMonth = 180;

    public static WebApplication MapCoachingNotes(this WebApplication app)
    {
        app.MapPost("/api/reps/{repId}/coaching-notes", AddAsync)
            .RequireAuthorization(SecurityExtensions.CoachPolicy)
            .WithSummary("Write a coaching note (1:1) for a rep.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/reps/{repId}/coaching-notes", ListAsync)
            .RequireAuthorization(SecurityExtensions.CoachPolicy)
            .WithSummary("A rep's coaching notes, newest first, each with pace and conversion before and after.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/teams/{teamId}/coaching-time", CoachingTimeAsync)
            .RequireAuthorization(SecurityExtensions.CoachPolicy)
            .WithSummary("Coaching minutes per rep in a month (?month=yyyy-MM), against three hours a month.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Created<object>, ValidationProblem, ProblemHttpResult>> AddAsync(string repId, CoachingNoteRequest? request, CoachingNoteBook book, HttpContext http)
    {
        var outcome = await book.AddAsync(repId, request, http.User.Identity?.Name ?? "unknown");
        if (outcome.UnknownRep)
        {
            return NotFound($"unknown rep '{repId}'");
        }

        if (outcome.Saved is not { } note)
        {
            var errors = outcome.Errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
            return errors.ContainsKey("body") && errors.Count == 1
                ? TypedResults.ValidationProblem(errors)
                : TypedResults.ValidationProblem(errors, title: "The note is not valid; nothing was saved.");
        }

        return TypedResults.Created<object>($"/api/reps/{note.RepId}/coaching-notes", new { note.Id });
    }

    private static async Task<Results<Ok<object>, ProblemHttpResult>> ListAsync(string repId, CoachingNoteBook book, CancellationToken cancellationToken)
    {
        if (await book.ListAsync(repId, cancellationToken) is not { } notes)
        {
            return NotFound($"unknown rep '{repId}'");
        }

        return TypedResults.Ok<object>(notes.Select(n => new
        {
            n.Note.Id,
            n.Note.RepId,
            HeldOn = n.Note.HeldOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            n.Note.FocusMetric,
            n.Note.Discussed,
            Actions = n.Note.Actions.Select(a => new { a.Text, FollowUp = a.FollowUp?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }),
            n.Note.Minutes,
            n.Note.Author,
            n.Note.CreatedAt,
            n.Effect,
        }).ToList());
    }

    private static async Task<Results<Ok<object>, ValidationProblem, ProblemHttpResult>> CoachingTimeAsync(string teamId, string? month, Organization org, IGrainFactory grains, TimeProvider clock)
    {
        if (org.FindTeam(teamId) is not { } team)
        {
            return NotFound($"unknown team '{teamId}'");
        }

        var first = new DateOnly(team.Calendar.LocalDate(clock.GetUtcNow()).Year, team.Calendar.LocalDate(clock.GetUtcNow()).Month, 1);
        if (month is not null && !DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out first))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["month"] = ["must be a month in the form yyyy-MM"] });
        }

        var last = first.AddMonths(1).AddDays(-1);
        var reps = new List<object>();
        foreach (var rep in team.Reps)
        {
            var notes = (await grains.GetGrain<ICoachingNotesGrain>(rep.Id).ListAsync()).Where(n => n.HeldOn >= first && n.HeldOn <= last).ToList();
            var minutes = notes.Sum(n => n.Minutes);
            reps.Add(new { RepId = rep.Id, rep.Name, Minutes = minutes, Notes = notes.Count, MinutesShort = Math.Max(0, RecommendedMinutesPerMonth - minutes) });
        }

        return TypedResults.Ok<object>(new { TeamId = team.Id, Month = first.ToString("yyyy-MM", CultureInfo.InvariantCulture), RecommendedMinutes = RecommendedMinutesPerMonth, Reps = reps });
    }

    private static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
