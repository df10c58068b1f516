namespace SalesCoach.Live.Abstractions.Coaching;

/// <summary>A rep's coaching notes, keyed by rep id, kept in grain storage.</summary>
public interface ICoachingNotesGrain : IGrainWithStringKey
{
    Task AddAsync(CoachingNote note);

    /// <summary>All notes, newest 1:1 first.</summary>
    Task<CoachingNote[]> ListAsync();
}
