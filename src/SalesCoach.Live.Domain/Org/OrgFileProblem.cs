namespace SalesCoach.Live.Domain.Org;

/// <summary>One problem in an org file, at a JSON path such as <c>$.teams[0].reps[2].id</c>.</summary>
public sealed record OrgFileProblem(string Path, string Message);
