using SalesCoach.Live.Abstractions.Coaching;

namespace SalesCoach.Live.Grains.Coaching;

/// <summary>The stored notes of one rep (plain JSON: the property names are the stored format).</summary>
public sealed class CoachingNotesState
{
    public List<CoachingNote> Notes { get; set; } = [];
}
