namespace SalesCoach.Live.Storage.Tests.Orleans;

/// <summary><see cref="TallyState"/> after a refactoring renamed and moved it: the same shape under another name.</summary>
public sealed class RenamedTallyState
{
    public int Calls { get; set; }

    public decimal Value { get; set; }

    public TallyMood Mood { get; set; }

    public DateTimeOffset? LastAt { get; set; }

    public List<string> Reps { get; set; } = [];
}
