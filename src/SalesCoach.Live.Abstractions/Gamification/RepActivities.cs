using SalesCoach.Live.Abstractions.Teams;

namespace SalesCoach.Live.Abstractions.Gamification;

/// <summary>One rep's new activities, as the team grain hands them to the team's gamification grain.</summary>
[GenerateSerializer, Immutable]
public sealed record RepActivities(
    [property: Id(0)] string RepId,
    [property: Id(1)] RecentActivity[] Activities);
