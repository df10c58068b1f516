namespace SalesCoach.Live.Storage.Tests.Orleans;

/// <summary>An enum in a grain state (stored by name).</summary>
public enum TallyMood
{
    Calm,
    Ahead,
}
