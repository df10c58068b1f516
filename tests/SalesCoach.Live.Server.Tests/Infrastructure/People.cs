using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace SalesCoach.Live.Server.Tests.Infrastructure;

/// <summary>Accounts for the access tests, created through the admin API, and clients signed in as them.</summary>
public static class People
{
    public const string Password = "correct-horse-battery";

    /// <summary>Creates an account with <see cref="Password"/> through <c>POST /api/admin/users</c> (admin key).</summary>
    public static async Task CreateAsync(SalesCoachApp app, string userName, string role, string[]? teams = null, string? repId = null, string? email = null)
    {
        var response = await app.Client(SalesCoachApp.AdminKey).PostAsJsonAsync("/api/admin/users", new
        {
            userName, displayName = userName, role, teams = teams ?? [], repId, email, password = Password,
        });
        if (response.StatusCode != HttpStatusCode.Created && response.StatusCode != HttpStatusCode.Conflict)
        {
            throw new InvalidOperationException($"Creating {userName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>A client (with its own cookie jar) signed in through <c>POST /api/account/sign-in</c>.</summary>
    public static async Task<(HttpClient Client, CookieContainer Cookies)> SignInAsync(SalesCoachApp app, string userName, string password = Password)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        var response = await client.PostAsJsonAsync("/api/account/sign-in", new { userName, password });
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Signing in {userName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return (client, cookies);
    }

    /// <summary>A hub connection carrying a signed-in person's cookie, not yet started.</summary>
    public static HubConnection Hub(SalesCoachApp app, CookieContainer cookies) => new HubConnectionBuilder()
        .WithUrl(new Uri(app.BaseAddress, "/hubs/live"), o => o.Cookies = cookies)
        .Build();
}
