namespace SalesCoach.Live.Grains.Coaching;

/// <summary>
/// A team's acknowledged coaching items, kept in grain storage so a restart does not bring them back. Stored as
/// plain JSON: property names are the contract of the stored state.
/// </summary>
public sealed class CoachingAcknowledgements
{
    public Dictionary<string, Acknowledgement> ByRep { get; set; } = new(StringComparer.Ordinal);

    /// <summary>What the item looked like when a manager acknowledged it, and until when it is snoozed.</summary>
    public sealed class Acknowledgement
    {
        public int Priority { get; set; }

        public List<string> Codes { get; set; } = [];

        public DateTimeOffset? SnoozeUntil { get; set; }
    }
}
