namespace SalesCoach.Live.Domain.Gamification;

/// <summary>Who competes: individual reps, or teams (normalised per rep).</summary>
public enum CompetitionScope
{
    Reps,
    Teams,
}
