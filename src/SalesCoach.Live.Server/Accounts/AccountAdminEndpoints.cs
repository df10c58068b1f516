using System.Security.Claims;
using SalesCoach.Live.Abstractions.Accounts;
using SalesCoach.Live.Server.Security;

namespace SalesCoach.Live.Server.Accounts;

/// <summary>Users and roles, and run-time API keys, for admins: <c>/api/admin/users</c>, <c>/api/admin/api-keys</c>.</summary>
public static class AccountAdminEndpoints
{
    public static WebApplication MapAccountAdmin(this WebApplication app)
    {
        var users = app.MapGroup("/api/admin/users").RequireAuthorization(SecurityExtensions.AdminPolicy).WithTags("Admin");
        users.MapGet("/", async (AccountAdmin admin) => Results.Json((await admin.ListAsync()).Select(AccountView.Of)))
            .WithSummary("Every sign-in account (never a password hash).");
        users.MapGet("/{userName}", async (string userName, AccountAdmin admin) =>
                await admin.FindAsync(userName) is { } account ? Results.Json(AccountView.Of(account)) : NotFound(userName))
            .ProducesProblem(StatusCodes.Status404NotFound);
        users.MapPost("/", CreateAsync)
            .WithSummary("Create an account (admin, manager of teams, or rep linked to a rep id).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        users.MapPut("/{userName}", UpdateAsync)
            .WithSummary("Change an account's name, role, teams, rep or e-mail; a password in the body resets it.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        users.MapDelete("/{userName}", async (string userName, AccountAdmin admin, ClaimsPrincipal user) =>
                await admin.DeleteAsync(userName, AccountsExtensions.Who(user)) ? Results.NoContent() : NotFound(userName))
            .ProducesProblem(StatusCodes.Status404NotFound);

        var keys = app.MapGroup("/api/admin/api-keys").RequireAuthorization(SecurityExtensions.AdminPolicy).WithTags("Admin");
        keys.MapGet("/", async (ApiKeyIssuer issuer) => Results.Json((await issuer.ListAsync()).Select(KeyView)))
            .WithSummary("API keys created at run time (name, prefix, scopes; never the key).");
        keys.MapPost("/", CreateKeyAsync)
            .WithSummary("Create an API key: the answer holds the key, shown this once.")
            .ProducesValidationProblem();
        keys.MapDelete("/{id}", async (string id, ApiKeyIssuer issuer, ClaimsPrincipal user) =>
                await issuer.RevokeAsync(id, AccountsExtensions.Who(user))
                    ? Results.NoContent()
                    : Results.Problem(detail: $"no live API key '{id}'", statusCode: StatusCodes.Status404NotFound, title: "Not found"))
            .WithSummary("Revoke an API key: it stops working at once on this node, within seconds on the others.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> CreateAsync(AccountRequest? request, AccountAdmin admin, ClaimsPrincipal user)
    {
        if (request is null)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["an account object is required"] });
        }

        if (admin.Validate(request, creating: true) is { Count: > 0 } errors)
        {
            return Results.ValidationProblem(errors);
        }

        if (!await admin.CreateAsync(request, AccountsExtensions.Who(user)))
        {
            return Results.Problem(detail: $"userName '{request.UserName}' is taken", statusCode: StatusCodes.Status409Conflict, title: "Conflict");
        }

        var created = await admin.FindAsync(request.UserName!);
        return Results.Created($"/api/admin/users/{created!.UserName}", AccountView.Of(created));
    }

    private static async Task<IResult> UpdateAsync(string userName, AccountRequest? request, AccountAdmin admin, ClaimsPrincipal user)
    {
        if (request is null)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["an account object is required"] });
        }

        if (admin.Validate(request, creating: false) is { Count: > 0 } errors)
        {
            return Results.ValidationProblem(errors);
        }

        return await admin.UpdateAsync(userName, request, AccountsExtensions.Who(user)) is { } updated
            ? Results.Json(AccountView.Of(updated))
            : NotFound(userName);
    }

    private static async Task<IResult> CreateKeyAsync(ApiKeyRequest? request, ApiKeyIssuer issuer, ClaimsPrincipal user)
    {
        if (ApiKeyIssuer.Validate(request?.Name, request?.Scopes) is { Count: > 0 } errors)
        {
            return Results.ValidationProblem(errors);
        }

        var issued = await issuer.CreateAsync(request!.Name!, request.Scopes!, AccountsExtensions.Who(user));
        return Results.Created($"/api/admin/api-keys/{issued.Stored.Id}", new
        {
            id = issued.Stored.Id,
            name = issued.Stored.Name,
            scopes = issued.Stored.Scopes,
            prefix = issued.Stored.Prefix,
            createdAt = issued.Stored.CreatedAt,
            key = issued.Key,
        });
    }

    private static object KeyView(StoredApiKey key) => new
    {
        id = key.Id,
        name = key.Name,
        scopes = key.Scopes,
        prefix = key.Prefix,
        createdAt = key.CreatedAt,
        createdBy = key.CreatedBy,
        revokedAt = key.RevokedAt,
    };

    private static IResult NotFound(string userName) =>
        Results.Problem(detail: $"no account '{userName}'", statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
