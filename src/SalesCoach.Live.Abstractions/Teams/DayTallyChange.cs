namespace SalesCoach.Live.Abstractions.Teams;

/// <summary>A rep's new total of one metric on one local day (<see cref="DayNumber"/> of <see cref="DateOnly"/>).</summary>
[GenerateSerializer, Immutable]
public sealed record DayTallyChange(
    [property: Id(0)] string Metric,
    [property: Id(1)] int DayNumber,
    [property: Id(2)] long Quantity,
    [property: Id(3)] decimal Value);
