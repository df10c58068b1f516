using Microsoft.AspNetCore.Authentication;

namespace SalesCoach.Live.Server.Security;

/// <summary>Wires API-key authentication and the scope policies.</summary>
public static class SecurityExtensions
{
    public const string IngestPolicy = "ingest";
    public const string ReadPolicy = "read";
    public const string AdminPolicy = "admin";

    public static WebApplicationBuilder AddApiKeySecurity(this WebApplicationBuilder builder)
    {
        var entries = builder.Configuration.GetSection("ApiKeys").Get<List<ApiKeyEntry>>() ?? [];
        builder.Services.AddSingleton(new ApiKeyStore(entries));
        builder.Services
            .AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(IngestPolicy, p => p.RequireClaim(ApiKeyScopes.ClaimType, ApiKeyScopes.Ingest))
            .AddPolicy(ReadPolicy, p => p.RequireClaim(ApiKeyScopes.ClaimType, ApiKeyScopes.Read))
            .AddPolicy(AdminPolicy, p => p.RequireClaim(ApiKeyScopes.ClaimType, ApiKeyScopes.Admin));
        return builder;
    }
}
