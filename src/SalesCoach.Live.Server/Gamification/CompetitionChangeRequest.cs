namespace SalesCoach.Live.Server.Gamification;

/// <summary>
/// The body of <c>PATCH /api/competitions/{id}</c>: the rules a manager may change while a contest runs. Fields left out
/// stay as they are. <c>end</c> is a local date-time in the team's zone or an instant with an offset; a handicap of 1
/// removes a rep's handicap.
/// </summary>
public sealed record CompetitionChangeRequest(
    string? Name,
    string? End,
    double? Target,
    Dictionary<string, double>? Handicaps);
