namespace SalesCoach.Live.Browser.Tests.Infrastructure;

/// <summary>One server (the demo org's teams, no simulator) and one chromium, shared by the tests of a class.</summary>
public sealed class ServerAndBrowser : IAsyncLifetime
{
    private WallboardServer? _server;

    public Chromium Chromium { get; } = new();

    public WallboardServer Server => _server ?? throw new InvalidOperationException("The server is not started.");

    public async Task InitializeAsync()
    {
        await Chromium.InitializeAsync();
        _server = await WallboardServer.StartAsync();
        await Activities.SeedDayAsync(_server);
    }

    public async Task DisposeAsync()
    {
        await Chromium.DisposeAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
