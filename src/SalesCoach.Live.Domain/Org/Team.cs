using SalesCoach.Live.Domain.Calendar;

namespace SalesCoach.Live.Domain.Org;

/// <summary>A team: its working calendar, its default goals and its reps.</summary>
public sealed record Team(string Id, string Name, WorkingCalendar Calendar, IReadOnlyList<Goal> Goals, IReadOnlyList<Rep> Reps);
