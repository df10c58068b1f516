using System.Globalization;
using SalesCoach.Live.Abstractions.Coaching;
using SalesCoach.Live.Domain.Coaching;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Security;
using SalesCoach.Live.Storage.Activities;

namespace SalesCoach.Live.Server.Coaching;

/// <summary>
/// The 1:1 log: write a coaching note, list a rep's notes with the effect of each (pace and conversion before and
/// after), and the coaching time per rep in a month against the three hours a month the research recommends.
/// </summary>
public static class CoachingNoteEndpoints
{
    /// <summary>Coaching time a rep should get in a month (research on sales coaching: three hours).</summary>
    public const int RecommendedMinutesPerMonth = 180;

    private static readonly TimeSpan EffectWindow = TimeSpan.FromDays(45);

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

    private static async Task<IResult> AddAsync(
        string repId, CoachingNoteRequest? request, Organization org, IGrainFactory grains, TimeProvider clock, HttpContext http)
    {
        if (org.FindRep(repId) is not { } rep)
        {
            return NotFound($"unknown rep '{repId}'");
        }

        var team = org.TeamOf(rep);
        var today = team.Calendar.LocalDate(clock.GetUtcNow());
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request is null)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["a note object is required"] });
        }

        var heldOn = today;
        if (request.HeldOn is not null && !DateOnly.TryParseExact(request.HeldOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out heldOn))
        {
            errors["heldOn"] = ["must be a date in the form yyyy-MM-dd"];
        }
        else if (heldOn > today)
        {
            errors["heldOn"] = ["cannot be in the future"];
        }

        if (string.IsNullOrWhiteSpace(request.FocusMetric) || org.FindMetric(request.FocusMetric) is null)
        {
            errors["focusMetric"] = [$"must be one of {string.Join(", ", org.Metrics.Select(m => m.Key))}"];
        }

        if (string.IsNullOrWhiteSpace(request.Discussed) || request.Discussed.Length > 4000)
        {
            errors["discussed"] = ["must say what was discussed, in 1 to 4000 characters"];
        }

        if (request.Minutes is not (>= 1 and <= 480))
        {
            errors["minutes"] = ["must be the length of the 1:1 in whole minutes, 1 to 480"];
        }

        var actions = new List<CoachingAction>();
        for (var i = 0; i < (request.Actions?.Count ?? 0); i++)
        {
            var action = request.Actions![i];
            DateOnly? followUp = null;
            if (string.IsNullOrWhiteSpace(action.Text) || action.Text.Length > 500)
            {
                errors[$"actions[{i}].text"] = ["must be 1 to 500 characters"];
            }

            if (action.FollowUp is not null)
            {
                if (!DateOnly.TryParseExact(action.FollowUp, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    errors[$"actions[{i}].followUp"] = ["must be a date in the form yyyy-MM-dd"];
                }
                else if (date < heldOn)
                {
                    errors[$"actions[{i}].followUp"] = ["cannot be before the 1:1"];
                }
                else
                {
                    followUp = date;
                }
            }

            actions.Add(new CoachingAction(action.Text?.Trim() ?? "", followUp));
        }

        if (actions.Count > 20)
        {
            errors["actions"] = ["at most 20 actions"];
        }

        if (request.Id is { } id && (id.Length is 0 or > 128 || id.Any(char.IsControl)))
        {
            errors["id"] = ["must be 1 to 128 characters without control characters"];
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors, title: "The note is not valid; nothing was saved.");
        }

        var note = new CoachingNote(
            request.Id ?? Guid.NewGuid().ToString("N"), rep.Id, heldOn, request.FocusMetric!, request.Discussed!.Trim(), [.. actions],
            request.Minutes!.Value, http.User.Identity?.Name ?? "unknown", clock.GetUtcNow());
        await grains.GetGrain<ICoachingNotesGrain>(rep.Id).AddAsync(note);
        return Results.Created($"/api/reps/{rep.Id}/coaching-notes", new { note.Id });
    }

    private static async Task<IResult> ListAsync(
        string repId, Organization org, IGrainFactory grains, IActivityLog log, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (org.FindRep(repId) is not { } rep)
        {
            return NotFound($"unknown rep '{repId}'");
        }

        var team = org.TeamOf(rep);
        var now = clock.GetUtcNow();
        var today = team.Calendar.LocalDate(now);
        var notes = await grains.GetGrain<ICoachingNotesGrain>(rep.Id).ListAsync();
        var answer = new List<object>();
        foreach (var note in notes)
        {
            var heldAt = team.Calendar.At(note.HeldOn, TimeSpan.Zero);
            var activities = (await log.ReadByOccurrenceAsync([rep.Id], heldAt - EffectWindow, heldAt + EffectWindow, cancellationToken))
                .Select(a => new TimedActivity(a.OccurredAt, a.Type, a.Quantity))
                .ToList();
            var effect = CoachingEffect.Measure(team, rep, org.Metrics, activities, note.HeldOn, note.FocusMetric, today);
            answer.Add(new
            {
                note.Id,
                note.RepId,
                HeldOn = note.HeldOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                note.FocusMetric,
                note.Discussed,
                Actions = note.Actions.Select(a => new { a.Text, FollowUp = a.FollowUp?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }),
                note.Minutes,
                note.Author,
                note.CreatedAt,
                Effect = effect,
            });
        }

        return Results.Ok(answer);
    }

    private static async Task<IResult> CoachingTimeAsync(string teamId, string? month, Organization org, IGrainFactory grains, TimeProvider clock)
    {
        if (org.FindTeam(teamId) is not { } team)
        {
            return NotFound($"unknown team '{teamId}'");
        }

        var first = new DateOnly(team.Calendar.LocalDate(clock.GetUtcNow()).Year, team.Calendar.LocalDate(clock.GetUtcNow()).Month, 1);
        if (month is not null && !DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out first))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["month"] = ["must be a month in the form yyyy-MM"] });
        }

        var last = first.AddMonths(1).AddDays(-1);
        var reps = new List<object>();
        foreach (var rep in team.Reps)
        {
            var notes = (await grains.GetGrain<ICoachingNotesGrain>(rep.Id).ListAsync()).Where(n => n.HeldOn >= first && n.HeldOn <= last).ToList();
            var minutes = notes.Sum(n => n.Minutes);
            reps.Add(new { RepId = rep.Id, rep.Name, Minutes = minutes, Notes = notes.Count, MinutesShort = Math.Max(0, RecommendedMinutesPerMonth - minutes) });
        }

        return Results.Ok(new { TeamId = team.Id, Month = first.ToString("yyyy-MM", CultureInfo.InvariantCulture), RecommendedMinutes = RecommendedMinutesPerMonth, Reps = reps });
    }

    private static IResult NotFound(string detail) => Results.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
