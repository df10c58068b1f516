using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Security;
using SalesCoach.Live.Server.Views.Floor;
using SalesCoach.Live.Server.Views.Reps;
using Microsoft.AspNetCore.Components;

namespace SalesCoach.Live.Views.Tests.Infrastructure;

/// <summary>
/// A bUnit context with what the views need: MudBlazor (JS calls answered loosely, as popovers make them), the demo
/// org and its access rules, a fake clock, and the recording floor. Disposed asynchronously, as MudBlazor asks.
/// </summary>
public abstract class ViewContext : BunitContext, IAsyncLifetime
{
    /// <summary>Thursday 26 November 2026, 10:30 in Berlin.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 30, 0, TimeSpan.Zero);

    protected ViewContext()
        : this(_ => { })
    {
    }

    /// <summary>A context with more services, added before the renderer reads any.</summary>
    protected ViewContext(Action<ViewContext> arrange)
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(Org);
        Services.AddSingleton(new TeamAccess(Org));
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton<ILiveFloor>(Floor);
        Services.AddSingleton<IRepFile>(RepFile);
        Services.AddLogging();
        arrange(this);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    /// <summary>The fake authorization, when the test's arrangement added it (<c>AddAuthorization</c>).</summary>
    public BunitAuthorizationContext? Authorization { get; set; }

    public Organization Org { get; } = DemoOrg.Create();

    /// <summary>The business clock, at the start of the test day: a test moves it forward to the moment it needs.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero));

    public RecordingFloor Floor { get; } = new();

    public ScriptedRepFile RepFile { get; } = new();

    /// <summary>The cascading authentication state of <paramref name="user"/>.</summary>
    public static Task<AuthenticationState> SignedIn(ClaimsPrincipal user) => Task.FromResult(new AuthenticationState(user));

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
