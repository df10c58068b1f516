using Microsoft.Extensions.Primitives;

namespace SalesCoach.Live.Server.Integrations;

/// <summary>
/// The webhook mappings in force: the built-in ones beneath the configuration's <c>Webhooks</c> section. Read at
/// start-up (an invalid mapping stops start-up, naming the key) and again whenever the configuration changes (such as
/// an edited appsettings.json): a valid change takes effect for the next request and the next replay; an invalid one
/// is logged and the mappings before it stay.
/// </summary>
public sealed class WebhookMappings : IDisposable
{
    private readonly IConfiguration _effective;
    private readonly ILogger<WebhookMappings> _logger;
    private readonly IDisposable _watch;
    private WebhookMappingSet _current;

    public WebhookMappings(IConfiguration configuration, ILogger<WebhookMappings> logger)
    {
        _effective = Effective(configuration);
        _logger = logger;
        _current = WebhookMappingReader.Read(_effective.GetSection("Webhooks"));
        _watch = ChangeToken.OnChange(_effective.GetReloadToken, Reload);
    }

    /// <summary>The mappings of this moment.</summary>
    public WebhookMappingSet Current => Volatile.Read(ref _current);

    /// <summary>The configuration the mappings are read from: the built-in mappings with <paramref name="configuration"/> over them.</summary>
    public static IConfiguration Effective(IConfiguration configuration)
    {
        var builder = new ConfigurationBuilder();
        if (configuration.GetValue("Webhooks:BuiltInSources", true))
        {
            builder.AddInMemoryCollection(BuiltInMappings.AsConfiguration());
        }

        return builder.AddConfiguration(configuration, shouldDisposeConfiguration: false).Build();
    }

    public void Dispose()
    {
        _watch.Dispose();
        (_effective as IDisposable)?.Dispose();
    }

    private void Reload()
    {
        try
        {
            Volatile.Write(ref _current, WebhookMappingReader.Read(_effective.GetSection("Webhooks")));
        }
        catch (InvalidOperationException e)
        {
            _logger.LogError("The changed webhook mappings are not valid; the ones before stay in force. {Problems}", e.Message);
        }
    }
}
