namespace SalesCoach.Live.Abstractions.Coaching;

/// <summary>An action agreed in a 1:1, with an optional follow-up date.</summary>
[GenerateSerializer, Immutable]
public sealed record CoachingAction([property: Id(0)] string Text, [property: Id(1)] DateOnly? FollowUp);
