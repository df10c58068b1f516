namespace SalesCoach.Live.Storage.Schema;

/// <summary>What one run of the schema runner did.</summary>
/// <param name="Applied">The scripts it ran, by file name, in order.</param>
/// <param name="Adopted">
/// The scripts it found already in place in a database made before the runner (by their tables) and recorded as
/// applied without running them.
/// </param>
public sealed record SchemaRunResult(IReadOnlyList<string> Applied, IReadOnlyList<string> Adopted)
{
    /// <summary>Whether the run changed nothing (every script was recorded already).</summary>
    public bool UpToDate => Applied.Count == 0 && Adopted.Count == 0;
}
