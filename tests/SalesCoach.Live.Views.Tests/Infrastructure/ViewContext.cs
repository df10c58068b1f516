using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Security;
using SalesCoach.Live.Server.Views.Floor;

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
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(Org);
        Services.AddSingleton(new TeamAccess(Org));
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton<ILiveFloor>(Floor);
    }

    public Organization Org { get; } = DemoOrg.Create();

    public FakeTimeProvider Clock { get; } = new(Now);

    public RecordingFloor Floor { get; } = new();

    /// <summary>The cascading authentication state of <paramref name="user"/>.</summary>
    public static Task<AuthenticationState> SignedIn(ClaimsPrincipal user) => Task.FromResult(new AuthenticationState(user));

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
