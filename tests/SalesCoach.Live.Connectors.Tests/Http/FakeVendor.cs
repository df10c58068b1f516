using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SalesCoach.Live.Connectors.Tests.Http;

/// <summary>A vendor API faked on loopback (Kestrel on 127.0.0.1:0): each route answers from a script of responses
/// (the last one repeats), and every request is recorded.</summary>
internal sealed class FakeVendor : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Queue<Reply>> _scripts = new();

    private FakeVendor(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public ConcurrentQueue<Recorded> Requests { get; } = new();

    public static async Task<FakeVendor> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeVendor(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return fake;
    }

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> (path only, no query) with these replies in turn.</summary>
    public void On(string method, string path, params Reply[] replies) => _scripts[method + " " + path] = new Queue<Reply>(replies);

    public IReadOnlyList<Recorded> To(string method, string path) =>
        Requests.Where(r => r.Method == method && r.Path == path).ToList();

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var path = context.Request.Path.Value ?? "";
        Requests.Enqueue(new Recorded(context.Request.Method, path, context.Request.QueryString.Value ?? "", headers, body, DateTimeOffset.UtcNow));

        if (!_scripts.TryGetValue(context.Request.Method + " " + path, out var script) || script.Count == 0)
        {
            context.Response.StatusCode = 404;
            return;
        }

        Reply reply;
        lock (script)
        {
            reply = script.Count > 1 ? script.Dequeue() : script.Peek();
        }

        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers ?? [])
        {
            context.Response.Headers[name] = value;
        }

        if (reply.Body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(reply.Body);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed record Reply(int Status, byte[]? Body = null, Dictionary<string, string>? Headers = null)
{
    public static Reply Json(string vendor, string file, int status = 200) => new(status, Payloads.Bytes(vendor, file));

    public static Reply Text(int status, string json, Dictionary<string, string>? headers = null) => new(status, Encoding.UTF8.GetBytes(json), headers);
}

internal sealed record Recorded(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset At);
