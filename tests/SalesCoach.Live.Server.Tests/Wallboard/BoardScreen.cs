using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using SalesCoach.Live.Server.Tests.Infrastructure;

namespace SalesCoach.Live.Server.Tests.Wallboard;

/// <summary>
/// A TV on the live hub, as the wallboard page drives it: without a token it connects for pairing only
/// (<c>?pairing=1</c>); with one it opens its board. Records the wallboard messages it receives.
/// </summary>
public sealed class BoardScreen : IAsyncDisposable
{
    private BoardScreen(HubConnection connection)
    {
        Connection = connection;
        connection.On<JsonElement>("paired", e => Paired.Writer.TryWrite(e));
        connection.On<JsonElement>("revoked", e => Revoked.Writer.TryWrite(e));
        connection.On<JsonElement>("wallboardConfig", e => Configs.Writer.TryWrite(e));
        connection.On<JsonElement>("snapshot", e => Snapshots.Writer.TryWrite(e));
        connection.On<JsonElement>("delta", e => Deltas.Writer.TryWrite(e));
        connection.Closed += _ =>
        {
            Closed.TrySetResult();
            return Task.CompletedTask;
        };
    }

    public HubConnection Connection { get; }

    public Channel<JsonElement> Paired { get; } = Channel.CreateUnbounded<JsonElement>();

    public Channel<JsonElement> Revoked { get; } = Channel.CreateUnbounded<JsonElement>();

    public Channel<JsonElement> Configs { get; } = Channel.CreateUnbounded<JsonElement>();

    public Channel<JsonElement> Snapshots { get; } = Channel.CreateUnbounded<JsonElement>();

    public Channel<JsonElement> Deltas { get; } = Channel.CreateUnbounded<JsonElement>();

    public TaskCompletionSource Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A TV without a token: connected for pairing only.</summary>
    public static async Task<BoardScreen> WaitingAsync(SalesCoachApp app)
    {
        var screen = new BoardScreen(new HubConnectionBuilder().WithUrl(new Uri(app.BaseAddress, "/hubs/live?pairing=1")).Build());
        await screen.Connection.StartAsync();
        return screen;
    }

    /// <summary>A TV connected with a board token (or a key).</summary>
    public static async Task<BoardScreen> WithTokenAsync(SalesCoachApp app, string token)
    {
        var screen = new BoardScreen(app.Hub(token));
        await screen.Connection.StartAsync();
        return screen;
    }

    /// <summary>Creates a board through the API and returns its id.</summary>
    public static async Task<string> CreateBoardAsync(SalesCoachApp app, params string[] teams)
    {
        using var admin = app.Client(SalesCoachApp.AdminKey);
        var id = "b" + Guid.NewGuid().ToString("N")[..10];
        var response = await admin.PostAsJsonAsync("/api/wallboards", new { id, title = "Board " + id, teams });
        response.EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>Pairs a new TV with a board, end to end: its code, the admin's claim, the token over the hub.</summary>
    public static async Task<(string Token, string TokenId)> PairAsync(SalesCoachApp app, string boardId)
    {
        await using var screen = await WaitingAsync(app);
        var code = await screen.StartPairingAsync();
        using var admin = app.Client(SalesCoachApp.AdminKey);
        (await admin.PostAsJsonAsync($"/api/wallboards/{boardId}/pair", new { code })).EnsureSuccessStatusCode();
        var paired = await Next(screen.Paired);
        return (paired.GetProperty("token").GetString()!, paired.GetProperty("tokenId").GetString()!);
    }

    /// <summary>The next message of a channel, or a failure after <paramref name="seconds"/>.</summary>
    public static async Task<JsonElement> Next(Channel<JsonElement> channel, double seconds = 10)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            return await channel.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Nothing arrived within {seconds} s.");
        }
    }

    public async Task<string> StartPairingAsync() =>
        (await Connection.InvokeAsync<JsonElement>("StartPairing")).GetProperty("code").GetString()!;

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
