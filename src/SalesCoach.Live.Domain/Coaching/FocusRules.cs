namespace SalesCoach.Live.Domain.Coaching;

/// <summary>
/// The rule table that turns a reason into a suggested focus. Admins replace it through configuration
/// (<c>Coaching:FocusRules</c>); a rule with a metric wins over one without.
/// </summary>
public sealed class FocusRules(IReadOnlyList<FocusRule> rules)
{
    public static FocusRules Default { get; } = new(
    [
        new(ReasonCodes.BehindPace, "call", "Time-block the next hour for calls, phone only, list ready."),
        new(ReasonCodes.BehindPace, null, "Plan with the rep how to make up the gap in {metric} before the day ends."),
        new(ReasonCodes.Idle, null, "Check in now: what is blocking the next activity?"),
        new(ReasonCodes.LowConversion, null, "Work on the talk track: listen to two recent calls together and practise the ask."),
        new(ReasonCodes.TrendDown, null, "Ask what is different today and reset the plan for the rest of the day."),
        new(ReasonCodes.ReadyForRecognition, null, "Recognise it in front of the team."),
    ]);

    public IReadOnlyList<FocusRule> Rules { get; } = rules;

    public string SuggestionFor(string code, string metric, string metricName)
    {
        var rule = Rules.FirstOrDefault(r => r.Code == code && r.Metric == metric)
            ?? Rules.FirstOrDefault(r => r.Code == code && r.Metric is null);
        return rule?.Suggestion.Replace("{metric}", metricName.ToLowerInvariant(), StringComparison.Ordinal) ?? "";
    }
}
