using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SalesCoach.Live.Server.Boards;

/// <summary>The <c>?at=</c> query parameter of the reads: absent means now; otherwise ISO-8601 with an offset.</summary>
public static class InstantQuery
{
    public static bool TryParse(string? at, out DateTimeOffset? instant)
    {
        instant = null;
        if (string.IsNullOrEmpty(at))
        {
            return true;
        }

        // An unencoded '+' in a query string arrives as a space; ISO-8601 never has one, so it can only be the offset.
        at = at.Replace(' ', '+');
        var hasOffset = at.EndsWith('Z') || at.EndsWith('z') || (at.Length > 6 && at[^6] is '+' or '-' && at[^3] == ':');
        if (hasOffset && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            instant = parsed;
            return true;
        }

        return false;
    }

    /// <summary>The 400 problem naming <c>at</c>.</summary>
    public static ValidationProblem Invalid(string? at) => TypedResults.ValidationProblem(new Dictionary<string, string[]>
    {
        ["at"] = [$"'{at}' is not an ISO-8601 date and time with an offset, such as 2026-11-26T10:30:00+01:00"],
    });
}
