using System.Reflection;
using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Server.Connectors;

/// <summary>A rep's e-mail (the org file's <c>teams[].reps[].email</c>), which connectors match vendor users by.</summary>
public interface IRepEmailDirectory
{
    /// <summary>The rep's e-mail, or null when the org gives none.</summary>
    string? EmailOf(Rep rep);
}

/// <summary>
/// Reads <c>Rep.Email</c> when the org model has it, else nothing (vendor users then match reps through
/// <c>RepAliases</c> only). The one place to switch to a plain <c>rep.Email</c> once the org model carries it.
/// </summary>
public sealed class OrgRepEmailDirectory : IRepEmailDirectory
{
    private static readonly PropertyInfo? EmailProperty = typeof(Rep).GetProperty("Email", BindingFlags.Public | BindingFlags.Instance);

    /// <inheritdoc />
    public string? EmailOf(Rep rep) => EmailProperty?.GetValue(rep) as string;
}
