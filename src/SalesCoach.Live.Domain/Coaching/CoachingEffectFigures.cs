namespace SalesCoach.Live.Domain.Coaching;

/// <summary>Attainment (actual over day goal) and conversion over the working days before and after a 1:1.</summary>
public sealed record CoachingEffectFigures(
    int DaysBefore, int DaysAfter, double? AttainmentBefore, double? AttainmentAfter, double? ConversionBefore, double? ConversionAfter, string Summary);
