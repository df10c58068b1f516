using SalesCoach.Live.Server.Tests.Infrastructure;

namespace SalesCoach.Live.Server.Tests.Integrations;

/// <summary>One server with the webhook test settings, shared by the tests of a class (each posts its own samples).</summary>
public sealed class WebhookFixture : IDisposable
{
    public SalesCoachApp App { get; } = new(settings: WebhookSettings.Aliases());

    public void Dispose() => App.Dispose();
}
