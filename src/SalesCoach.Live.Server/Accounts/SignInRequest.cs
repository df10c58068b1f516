namespace SalesCoach.Live.Server.Accounts;

/// <summary>The JSON body of <c>POST /api/account/sign-in</c>.</summary>
public sealed record SignInRequest(string? UserName, string? Password);
