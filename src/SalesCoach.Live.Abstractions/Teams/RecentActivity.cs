namespace SalesCoach.Live.Abstractions.Teams;

/// <summary>An activity a rep grain just folded in, for the team's coaching signals (idle, trend, conversion).</summary>
[GenerateSerializer, Immutable]
public sealed record RecentActivity(
    [property: Id(0)] long RepSeq,
    [property: Id(1)] DateTimeOffset OccurredAt,
    [property: Id(2)] string Type,
    [property: Id(3)] int Quantity);
