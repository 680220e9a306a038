using Microsoft.AspNetCore.Http;

namespace Ballast.Server.Auth;

/// <summary>Resolves the API key of a request (Authorization: Bearer KEY, or X-Api-Key) to a caller; an unknown key is 401.</summary>
public sealed class ApiKeyMiddleware(RequestDelegate next, ApiKeyStore keys)
{
    public Task InvokeAsync(HttpContext context)
    {
        string? presented = null;
        if (context.Request.Headers.Authorization is { Count: > 0 } auth && auth[0] is { } a && a.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            presented = a[7..].Trim();
        else if (context.Request.Headers.TryGetValue("X-Api-Key", out var x) && x.Count > 0)
            presented = x[0];
        if (presented is not null)
        {
            if (keys.Find(presented) is not { } key) return Api.Problems.Unauthorized().ExecuteAsync(context);
            Caller.Set(context, key);
        }

        return next(context);
    }
}
