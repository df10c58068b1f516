namespace SalesCoach.Live.Server.Gamification;

/// <summary>
/// The body of <c>POST /api/competitions</c>. <c>start</c>/<c>end</c> are local date-times in the team's zone
/// (<c>2026-11-26T09:00</c>) or instants with an offset. <c>handicaps</c> multiply a rep's score (1.25 for a rep in ramp).
/// </summary>
public sealed record CompetitionRequest(
    string? Id,
    string? Name,
    string? TeamId,
    string? Scope,
    List<string>? Participants,
    string? By,
    string? Finish,
    double? Target,
    string? Start,
    string? End,
    Dictionary<string, double>? Handicaps);
