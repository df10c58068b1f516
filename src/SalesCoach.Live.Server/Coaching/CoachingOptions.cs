using SalesCoach.Live.Domain.Coaching;

namespace SalesCoach.Live.Server.Coaching;

/// <summary>Reads the <c>Coaching</c> configuration section into the domain's settings and focus rules.</summary>
public static class CoachingOptions
{
    public static CoachingSettings Settings(IConfiguration configuration)
    {
        var section = configuration.GetSection("Coaching");
        var d = CoachingSettings.Default;
        return new CoachingSettings
        {
            BehindPaceMinElapsedDay = section.GetValue(nameof(d.BehindPaceMinElapsedDay), d.BehindPaceMinElapsedDay),
            BehindPaceMinElapsedLonger = section.GetValue(nameof(d.BehindPaceMinElapsedLonger), d.BehindPaceMinElapsedLonger),
            BehindPaceEnterRatio = section.GetValue(nameof(d.BehindPaceEnterRatio), d.BehindPaceEnterRatio),
            BehindPaceStayRatio = section.GetValue(nameof(d.BehindPaceStayRatio), d.BehindPaceStayRatio),
            IdleMinutes = section.GetValue(nameof(d.IdleMinutes), d.IdleMinutes),
            MinAttempts = section.GetValue(nameof(d.MinAttempts), d.MinAttempts),
            ConversionZ = section.GetValue(nameof(d.ConversionZ), d.ConversionZ),
            ConversionStayFactor = section.GetValue(nameof(d.ConversionStayFactor), d.ConversionStayFactor),
            TrendDays = section.GetValue(nameof(d.TrendDays), d.TrendDays),
            TrendMinUsual = section.GetValue(nameof(d.TrendMinUsual), d.TrendMinUsual),
            TrendMinElapsedMinutes = section.GetValue(nameof(d.TrendMinElapsedMinutes), d.TrendMinElapsedMinutes),
            TrendEnterShare = section.GetValue(nameof(d.TrendEnterShare), d.TrendEnterShare),
            TrendStayShare = section.GetValue(nameof(d.TrendStayShare), d.TrendStayShare),
            RecognitionRatio = section.GetValue(nameof(d.RecognitionRatio), d.RecognitionRatio),
            MetricWeights = section.GetSection(nameof(d.MetricWeights)).GetChildren()
                .ToDictionary(c => c.Key, c => c.Get<double>(), StringComparer.Ordinal),
        };
    }

    /// <summary><c>Coaching:FocusRules:N:Code</c>, <c>:Metric</c> (optional), <c>:Suggestion</c>; the defaults when none.</summary>
    public static FocusRules Focus(IConfiguration configuration)
    {
        var rules = configuration.GetSection("Coaching:FocusRules").GetChildren()
            .Select((c, i) => new FocusRule(
                c["Code"] is { Length: > 0 } code && (ReasonCodes.Corrective.Contains(code) || code == ReasonCodes.ReadyForRecognition)
                    ? code
                    : throw new InvalidOperationException($"Coaching:FocusRules:{i}:Code must be one of {string.Join(", ", ReasonCodes.Corrective)}, {ReasonCodes.ReadyForRecognition}."),
                string.IsNullOrWhiteSpace(c["Metric"]) ? null : c["Metric"],
                c["Suggestion"] is { Length: > 0 } text ? text : throw new InvalidOperationException($"Coaching:FocusRules:{i}:Suggestion is required.")))
            .ToList();
        return rules.Count == 0 ? FocusRules.Default : new FocusRules([.. rules, .. FocusRules.Default.Rules]);
    }
}
