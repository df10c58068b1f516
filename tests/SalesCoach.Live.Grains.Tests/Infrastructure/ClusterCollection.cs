namespace SalesCoach.Live.Grains.Tests.Infrastructure;

/// <summary>
/// All grain test classes share one silo: starting one costs seconds. They run one after another, each test on reps
/// of its own and in a week of its own (the shared fake clock only moves forward).
/// </summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<GrainCluster>
{
    public const string Name = "grain cluster";
}
