using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;
using SalesCoach.Live.Abstractions.Accounts;
using SalesCoach.Live.Server.Accounts;

namespace SalesCoach.Live.Server.Views.Layout;

/// <summary>
/// An open page outlives the request that started it: its circuit checks the signed-in account again every
/// <see cref="AccountOptions.RevalidateEvery"/>, as the cookie does on each request, so a deleted or locked account,
/// or one whose password, role or teams changed, loses its open pages too (they fall back to the sign-in form).
/// </summary>
public sealed class CircuitSessionCheck(ILoggerFactory loggers, IGrainFactory grains, IOptions<AccountOptions> options, TimeProvider clock)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => options.Value.RevalidateEvery;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var user = authenticationState.User;
        if (!AccountClaims.IsPerson(user))
        {
            return true;
        }

        return await StillValidAsync(user);
    }

    private async Task<bool> StillValidAsync(ClaimsPrincipal user)
    {
        var name = user.Identity?.Name;
        var account = name is null ? null : await grains.GetGrain<IAccountDirectoryGrain>(0).FindAsync(name);
        return AccountClaims.StillHolds(account, user, clock.GetUtcNow());
    }
}
