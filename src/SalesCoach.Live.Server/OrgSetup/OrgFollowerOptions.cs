namespace SalesCoach.Live.Server.OrgSetup;

/// <summary>How often a node looks for an org revision saved by another node (<c>Org:PollSeconds</c>, 2 by default).</summary>
public sealed record OrgFollowerOptions(TimeSpan Interval)
{
    public const string PollSecondsKey = "Org:PollSeconds";

    public static OrgFollowerOptions From(IConfiguration configuration)
    {
        var seconds = configuration.GetValue<double?>(PollSecondsKey) ?? 2;
        if (seconds is < 0.1 or > 3600)
        {
            throw new InvalidOperationException($"{PollSecondsKey} must be from 0.1 to 3600 seconds; it is {seconds}.");
        }

        return new OrgFollowerOptions(TimeSpan.FromSeconds(seconds));
    }
}
