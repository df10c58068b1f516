namespace SalesCoach.Live.Browser.Tests.Infrastructure;

/// <summary>
/// Tests that measure this process (its managed heap) run alone, after the others: a server of another test class
/// running beside them would be counted as theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "alone";
}
