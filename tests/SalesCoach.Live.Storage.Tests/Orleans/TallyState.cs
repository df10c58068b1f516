namespace SalesCoach.Live.Storage.Tests.Orleans;

/// <summary>A grain state with the kinds of members real states have.</summary>
public sealed class TallyState
{
    public int Calls { get; set; }

    public decimal Value { get; set; }

    public TallyMood Mood { get; set; }

    public DateTimeOffset? LastAt { get; set; }

    public List<string> Reps { get; set; } = [];
}
