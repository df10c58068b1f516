namespace SalesCoach.Live.Domain.Org;

/// <summary>An org file that cannot be used; the message names the file, each JSON path and its problem.</summary>
public sealed class OrgFileException : Exception
{
    public OrgFileException(string file, IReadOnlyList<OrgFileProblem> problems)
        : base($"Invalid org file '{file}':{Environment.NewLine}" + string.Join(Environment.NewLine, problems.Select(p => $"  {p.Path}: {p.Message}")))
    {
        File = file;
        Problems = problems;
    }

    public string File { get; }

    public IReadOnlyList<OrgFileProblem> Problems { get; }
}
