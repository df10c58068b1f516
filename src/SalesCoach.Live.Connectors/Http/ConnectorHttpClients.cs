using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace SalesCoach.Live.Connectors.Http;

public static class ConnectorHttpClients
{
    /// <summary>Registers the typed vendor clients (<see cref="HubSpotClient"/>, <see cref="PipedriveClient"/>,
    /// <see cref="SalesforceClient"/>) with <c>IHttpClientFactory</c> and the standard resilience handler: retries with
    /// exponential back-off and jitter on 408, 429 and 5xx (and network errors), honouring <c>Retry-After</c>, a
    /// circuit breaker and timeouts. The options (<c>IOptionsMonitor&lt;{Vendor}Options&gt;</c>) are the caller's to bind.
    /// <paramref name="configure"/> adjusts the resilience options (tests shorten the delays).</summary>
    public static IServiceCollection AddConnectorHttpClients(this IServiceCollection services, Action<HttpStandardResilienceOptions>? configure = null)
    {
        void Resilience(HttpStandardResilienceOptions o)
        {
            o.Retry.ShouldRetryAfterHeader = true;
            configure?.Invoke(o);
        }

        services.AddHttpClient<HubSpotClient>().AddStandardResilienceHandler(Resilience);
        services.AddHttpClient<PipedriveClient>().AddStandardResilienceHandler(Resilience);

        // The Salesforce client caches its token: one instance per container.
        services.AddHttpClient(SalesforceClient.HttpClientName).AddStandardResilienceHandler(Resilience);
        services.AddSingleton<SalesforceClient>();
        return services;
    }
}
