using MudBlazor;

namespace SalesCoach.Live.Server.Views.Floor;

/// <summary>How a pace status looks on every screen: its words, its colour class (views.css) and its MudBlazor colour.</summary>
public static class StatusLook
{
    public static string Label(string status) => status switch
    {
        "ahead" => "Ahead",
        "onPace" => "On pace",
        "behind" => "Behind",
        "atRisk" => "At risk",
        "notStarted" => "Not started",
        "noGoal" => "No goal",
        _ => status,
    };

    /// <summary>The CSS class that colours a cell: <c>status-ahead</c>, <c>status-onPace</c>, …</summary>
    public static string CssClass(string status) => status switch
    {
        "ahead" or "onPace" or "behind" or "atRisk" or "notStarted" or "noGoal" => "status-" + status,
        _ => "status-noGoal",
    };

    public static Color Color(string status) => status switch
    {
        "ahead" => MudBlazor.Color.Success,
        "onPace" => MudBlazor.Color.Info,
        "behind" => MudBlazor.Color.Warning,
        "atRisk" => MudBlazor.Color.Error,
        _ => MudBlazor.Color.Default,
    };
}
