using System.Globalization;
using System.Text.RegularExpressions;
using SalesCoach.Live.Abstractions.Gamification;
using SalesCoach.Live.Domain.Calendar;
using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Server.Gamification;

/// <summary>
/// The rules a competition follows when a manager creates or changes one: field by field, with the error keys and
/// messages of <c>POST</c>/<c>PATCH /api/competitions</c>. Pure: the clock's reading and the org are given.
/// </summary>
public static partial class CompetitionRules
{
    /// <summary>The longest contest a manager can create.</summary>
    public static readonly TimeSpan LongestContest = TimeSpan.FromDays(92);

    /// <summary>Whether <paramref name="id"/> can name a competition (1 to 64 letters, digits, '-' or '_').</summary>
    public static bool IsId(string id) => IdPattern().IsMatch(id);

    /// <summary>
    /// Checks a new competition hosted by <paramref name="team"/> (null when <c>teamId</c> names no team) and, when it
    /// is valid, answers the spec to create; otherwise the errors by field.
    /// </summary>
    public static (CompetitionSpec? Spec, Dictionary<string, string[]> Errors) CheckNew(string id, CompetitionRequest request, Team? team, Organization org, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!IsId(id))
        {
            errors["id"] = ["must be 1 to 64 letters, digits, '-' or '_'"];
        }

        CheckName(request.Name, errors);
        if (team is null)
        {
            errors["teamId"] = ["must be a known team (its time zone and moments feed host the contest)"];
        }

        var scope = request.Scope ?? "reps";
        if (scope is not ("reps" or "teams"))
        {
            errors["scope"] = ["must be reps or teams"];
        }

        var participants = request.Participants ?? [];
        if (participants.Count is < 2 or > 200 || participants.Distinct(StringComparer.Ordinal).Count() != participants.Count)
        {
            errors["participants"] = ["must list 2 to 200 distinct participants"];
        }
        else
        {
            for (var i = 0; i < participants.Count; i++)
            {
                var known = scope == "teams" ? org.FindTeam(participants[i]) is not null : org.FindRep(participants[i]) is not null;
                if (!known)
                {
                    errors[$"participants[{i}]"] = [scope == "teams" ? "unknown team" : "unknown rep"];
                }
            }
        }

        var by = request.By ?? "points";
        if (by is not ("points" or "attainment") && org.FindMetric(by) is null)
        {
            errors["by"] = [$"must be points, attainment or one of {string.Join(", ", org.Metrics.Select(m => m.Key))}"];
        }

        var finish = request.Finish ?? "most";
        if (finish is not ("most" or "firstTo"))
        {
            errors["finish"] = ["must be most or firstTo"];
        }
        else if (finish == "firstTo" && (request.Target is not (> 0 and < 1e9) || by == "attainment"))
        {
            errors["target"] = ["a firstTo contest needs a target above 0, on points or a metric"];
        }

        DateTimeOffset? start = null, end = null;
        if (team is not null)
        {
            start = ParseInstant(request.Start, team.Calendar, "start", errors);
            end = ParseInstant(request.End, team.Calendar, "end", errors);
            if (start is { } s && end is { } e)
            {
                CheckEnd(s, e, now, errors);
            }
        }

        var handicaps = request.Handicaps ?? [];
        var participantReps = scope == "teams"
            ? participants.SelectMany(p => org.FindTeam(p)?.Reps.Select(r => r.Id) ?? []).ToHashSet(StringComparer.Ordinal)
            : participants.ToHashSet(StringComparer.Ordinal);
        CheckHandicaps(handicaps, participantReps, errors);

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var spec = new CompetitionSpec(id, request.Name!.Trim(), team!.Id, scope, [.. participants], by, finish, request.Target ?? 0, start!.Value, end!.Value, new Dictionary<string, double>(handicaps, StringComparer.Ordinal));
        return (spec, errors);
    }

    /// <summary>
    /// Checks a change to the running <paramref name="contest"/> hosted by <paramref name="team"/> (the request names
    /// at least one field) and, when it is valid, answers the change to make; otherwise the errors by field.
    /// </summary>
    public static (CompetitionChange? Change, Dictionary<string, string[]> Errors) CheckChange(CompetitionChangeRequest request, ContestSnapshot contest, Team team, Organization org, DateTimeOffset now, string changedBy)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.Name is not null)
        {
            CheckName(request.Name, errors);
        }

        DateTimeOffset? end = null;
        if (request.End is not null && ParseInstant(request.End, team.Calendar, "end", errors) is { } e)
        {
            CheckEnd(contest.Start, e, now, errors);
            end = e;
        }

        if (request.Target is { } target && (contest.Finish != ContestFinish.FirstTo || target is not (> 0 and < 1e9)))
        {
            errors["target"] = ["only a firstTo contest has a target, above 0"];
        }

        var participantReps = contest.Standings
            .Select(s => s.Id)
            .SelectMany(p => contest.Scope == ContestScope.Teams ? org.FindTeam(p)?.Reps.Select(r => r.Id) ?? [] : [p])
            .ToHashSet(StringComparer.Ordinal);
        CheckHandicaps(request.Handicaps ?? [], participantReps, errors);

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new CompetitionChange(changedBy, request.Name?.Trim(), end, request.Target, request.Handicaps is null ? null : new(request.Handicaps, StringComparer.Ordinal)), errors);
    }

    // The rules a competition's name, end and handicaps follow, the same when it is created and when it is changed.
    private static void CheckName(string? name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            errors["name"] = ["must be 1 to 200 characters"];
        }
    }

    private static void CheckEnd(DateTimeOffset start, DateTimeOffset end, DateTimeOffset now, Dictionary<string, string[]> errors)
    {
        if (end <= start)
        {
            errors["end"] = ["must be after start"];
        }
        else if (end <= now)
        {
            errors["end"] = ["must be in the future"];
        }
        else if (end - start > LongestContest)
        {
            errors["end"] = ["a contest lasts at most 92 days"];
        }
    }

    private static void CheckHandicaps(Dictionary<string, double> handicaps, HashSet<string> participantReps, Dictionary<string, string[]> errors)
    {
        foreach (var (rep, handicap) in handicaps)
        {
            if (!participantReps.Contains(rep))
            {
                errors[$"handicaps.{rep}"] = ["must be a rep taking part"];
            }
            else if (handicap is not (> 0 and <= 5))
            {
                errors[$"handicaps.{rep}"] = ["must be a multiplier above 0 and at most 5"];
            }
        }
    }

    private static DateTimeOffset? ParseInstant(string? text, WorkingCalendar calendar, string field, Dictionary<string, string[]> errors)
    {
        if (text is not null)
        {
            if (OffsetPattern().IsMatch(text)
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            {
                return instant;
            }

            if (DateTime.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                return calendar.At(DateOnly.FromDateTime(local), local.TimeOfDay);
            }
        }

        errors[field] = ["must be a local date-time in the team's zone (2026-11-26T09:00) or an instant with an offset"];
        return null;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex OffsetPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex IdPattern();
}
