using Ballast.Server.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Ballast.Server.Auth;

/// <summary>Endpoint filters: a key is required (401) and must hold one of the roles (403).</summary>
public static class RoleRequirement
{
    public static TBuilder RequireRoles<TBuilder>(this TBuilder builder, params ApiRole[] roles) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (ctx, next) =>
        {
            var key = Caller.Of(ctx.HttpContext);
            if (key is null) return Problems.Unauthorized();
            if (roles.Length > 0 && Array.IndexOf(roles, key.Role) < 0)
                return Problems.Forbidden($"role '{key.Role.ToString().ToLowerInvariant()}' may not call this endpoint (allowed: {string.Join(", ", roles.Select(r => r.ToString().ToLowerInvariant()))})");
            return await next(ctx);
        });

    /// <summary>Route value <paramref name="routeName"/> must be the caller's own account (admins may read any account).</summary>
    public static TBuilder RequireOwnAccount<TBuilder>(this TBuilder builder, string routeName, bool adminMayRead) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (ctx, next) =>
        {
            var key = Caller.Of(ctx.HttpContext);
            if (key is null) return Problems.Unauthorized();
            string? account = ctx.HttpContext.Request.RouteValues[routeName] as string;
            bool own = string.Equals(account, key.Account, StringComparison.Ordinal);
            if (!own && !(adminMayRead && key.Role == ApiRole.Admin))
                return Problems.Forbidden($"account '{key.Account}' may not touch account '{account}'");
            return await next(ctx);
        });
}
