using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Server.Connectors;

/// <summary>A rep's e-mail (the org file's <c>teams[].reps[].email</c>), which connectors match vendor users by.</summary>
public interface IRepEmailDirectory
{
    /// <summary>The rep's e-mail, or null when the org gives none.</summary>
    string? EmailOf(Rep rep);
}

/// <summary>Reads the rep's e-mail from the org (<c>teams[].reps[].email</c>); <c>RepAliases</c> come before it.</summary>
public sealed class OrgRepEmailDirectory : IRepEmailDirectory
{
    /// <inheritdoc />
    public string? EmailOf(Rep rep) => rep.Email;
}
