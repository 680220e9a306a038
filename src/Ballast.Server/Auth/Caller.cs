using Ballast.Engine.Commands;
using Ballast.Engine.Markets;
using Microsoft.AspNetCore.Http;

namespace Ballast.Server.Auth;

/// <summary>The authenticated caller of a request (set by <see cref="ApiKeyMiddleware"/>), or none.</summary>
public static class Caller
{
    private const string ItemKey = "ballast.caller";

    public static ApiKey? Of(HttpContext context) => context.Items.TryGetValue(ItemKey, out var v) ? v as ApiKey : null;

    internal static void Set(HttpContext context, ApiKey key) => context.Items[ItemKey] = key;

    /// <summary>The engine principal a key acts as. LPs deposit capital through the engine's admin seam (until the pool issue adds LP commands).</summary>
    public static Principal Principal(ApiKey key) => new(new AccountId(key.Account), key.Role switch
    {
        ApiRole.Trader => Role.Trader,
        ApiRole.Oracle => Role.Oracle,
        ApiRole.Governor => Role.Governor,
        ApiRole.Keeper => Role.Keeper,
        _ => Role.Admin,
    });
}
