using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Server.Views.Admin.OrgDrafts;

/// <summary>A rep being edited: id, name, e-mail and the goals that override the team's.</summary>
public sealed class RepDraft
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The rep's e-mail (connectors match vendor users by it); empty or blank is none.</summary>
    public string? Email { get; set; }

    public List<GoalDraft>? Goals { get; set; }

    /// <summary>The rep as read, whose fields the page does not show are written back unchanged.</summary>
    private RepDocument Origin { get; init; } = new();

    public static RepDraft From(RepDocument rep) => new()
    {
        Origin = rep,
        Id = rep.Id,
        Name = rep.Name,
        Email = rep.Email,
        Goals = rep.Goals?.Select(GoalDraft.From).ToList(),
    };

    /// <summary>The rep as a document; an empty list of goals is written as none (the rep follows the team's).</summary>
    public RepDocument ToDocument() => Origin with
    {
        Id = Id,
        Name = Name,
        Email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim(),
        Goals = Goals is { Count: > 0 } goals ? [.. goals.Select(g => g.ToDocument())] : null,
    };
}
