using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SalesCoach.Live.Server.Tests.Connectors;

/// <summary>
/// A vendor API on loopback (Kestrel on 127.0.0.1:0) answering each "METHOD /path" with a saved vendor payload, unless
/// the test puts it in a failing mode: <see cref="Fail"/> (that status, with an optional Retry-After) or
/// <see cref="Hang"/> (no answer until released). Every request is counted.
/// </summary>
public sealed class VendorFake : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, string> routes = new(StringComparer.Ordinal);
    private volatile int failStatus;
    private volatile string? retryAfter;
    private TaskCompletionSource hang = NewRelease();

    private VendorFake(WebApplication app) => this.app = app;

    public string BaseUrl { get; private set; } = "";

    public ConcurrentQueue<string> Requests { get; } = new();

    public bool Hanging { get; private set; }

    public static async Task<VendorFake> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new VendorFake(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return fake;
    }

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> with 200 and <paramref name="json"/>.</summary>
    public void On(string method, string path, string json) => routes[method + " " + path] = json;

    /// <summary>Answers every request with <paramref name="status"/> (0: normal answers again).</summary>
    public void Fail(int status, string? retryAfterSeconds = null)
    {
        retryAfter = retryAfterSeconds;
        failStatus = status;
    }

    /// <summary>Holds every request until <see cref="Release"/>.</summary>
    public void Hang() => Hanging = true;

    public void Release()
    {
        Hanging = false;
        Interlocked.Exchange(ref hang, NewRelease()).TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static TaskCompletionSource NewRelease() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task HandleAsync(HttpContext context)
    {
        var key = context.Request.Method + " " + context.Request.Path.Value;
        Requests.Enqueue(key);
        if (Hanging)
        {
            await Volatile.Read(ref hang).Task.WaitAsync(context.RequestAborted);
        }

        if (failStatus is var status and not 0)
        {
            context.Response.StatusCode = status;
            if (retryAfter is { } after)
            {
                context.Response.Headers.RetryAfter = after;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"status":"error","message":"failing on purpose","category":"RATE_LIMITS"}""");
            return;
        }

        if (!routes.TryGetValue(key, out var json))
        {
            context.Response.StatusCode = 404;
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json);
    }
}
