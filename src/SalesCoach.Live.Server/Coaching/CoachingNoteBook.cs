using System.Globalization;
using SalesCoach.Live.Abstractions.Coaching;
using SalesCoach.Live.Domain.Coaching;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Storage.Activities;

namespace SalesCoach.Live.Server.Coaching;

/// <summary>
/// The 1:1 log of every rep: checks a note (the same rules for the API and the drill-down page), writes it to the rep's
/// <see cref="ICoachingNotesGrain"/> (grain storage, so it survives restarts), and lists notes with their effect.
/// Who may call it is decided by the caller (<c>TeamAccess.CanCoachRep</c>).
/// </summary>
public sealed class CoachingNoteBook(Organization org, IGrainFactory grains, IActivityLog log, TimeProvider clock)
{
    private static readonly TimeSpan EffectWindow = TimeSpan.FromDays(45);

    /// <summary>Checks and saves a note written by <paramref name="author"/>; nothing is saved when any field is wrong.</summary>
    public async Task<NoteOutcome> AddAsync(string repId, CoachingNoteRequest? request, string author)
    {
        if (org.FindRep(repId) is not { } rep)
        {
            return new NoteOutcome(null, new Dictionary<string, string[]>(), UnknownRep: true);
        }

        if (request is null)
        {
            return new NoteOutcome(null, new Dictionary<string, string[]> { ["body"] = ["a note object is required"] });
        }

        var team = org.TeamOf(rep);
        var today = team.Calendar.LocalDate(clock.GetUtcNow());
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
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
            return new NoteOutcome(null, errors);
        }

        var note = new CoachingNote(
            request.Id ?? Guid.NewGuid().ToString("N"), rep.Id, heldOn, request.FocusMetric!, request.Discussed!.Trim(), [.. actions],
            request.Minutes!.Value, author, clock.GetUtcNow());
        await grains.GetGrain<ICoachingNotesGrain>(rep.Id).AddAsync(note);
        return new NoteOutcome(note, errors);
    }

    /// <summary>A rep's notes, newest 1:1 first, each with its effect; null for an unknown rep.</summary>
    public async Task<IReadOnlyList<NoteWithEffect>?> ListAsync(string repId, CancellationToken cancellationToken = default)
    {
        if (org.FindRep(repId) is not { } rep)
        {
            return null;
        }

        var team = org.TeamOf(rep);
        var today = team.Calendar.LocalDate(clock.GetUtcNow());
        var notes = await grains.GetGrain<ICoachingNotesGrain>(rep.Id).ListAsync();
        var answer = new List<NoteWithEffect>();
        if (notes.Length == 0)
        {
            return answer;
        }

        // One read over every note's window; each note then keeps its own [heldAt - window, heldAt + window], inclusive
        // as the log reads it (stored instants are whole microseconds, so comparing them with the bounds here picks
        // exactly what a read with those bounds would).
        var heldAts = notes.Select(n => team.Calendar.At(n.HeldOn, TimeSpan.Zero)).ToList();
        var logged = await log.ReadByOccurrenceAsync([rep.Id], heldAts.Min() - EffectWindow, heldAts.Max() + EffectWindow, cancellationToken);
        foreach (var (note, heldAt) in notes.Zip(heldAts))
        {
            var activities = logged
                .Where(a => a.OccurredAt >= heldAt - EffectWindow && a.OccurredAt <= heldAt + EffectWindow)
                .Select(a => new TimedActivity(a.OccurredAt, a.Type, a.Quantity))
                .ToList();
            answer.Add(new NoteWithEffect(note, CoachingEffect.Measure(team, rep, org.Metrics, activities, note.HeldOn, note.FocusMetric, today)));
        }

        return answer;
    }
}
