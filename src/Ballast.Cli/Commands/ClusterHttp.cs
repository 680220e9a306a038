using Ballast.Cluster.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Ballast.Cli;

/// <summary>
/// A thin HTTP front on a silo's grains for demos (<c>ballast cluster silo --urls URL</c>): any node answers for any
/// vault, Orleans routes the call to the vault's activation. No authentication — it binds where told (loopback by
/// default); the authenticated API is <c>ballast serve</c>.
/// </summary>
public static class ClusterHttp
{
    /// <summary>A trade request body.</summary>
    public sealed record TradeBody(string Account, long Expiry, decimal Strike, bool Call, bool Buy, double Size, decimal LimitPrice, string? IdempotencyKey);

    public static void Map(WebApplication app)
    {
        var v = app.MapGroup("/cluster/v1/vaults/{id}");
        v.MapGet("", (string id, IGrainFactory g) => g.GetGrain<IVaultGrain>(id).Status());
        v.MapGet("/series", (string id, IGrainFactory g) => g.GetGrain<IVaultGrain>(id).ListedSeries());
        v.MapPost("/open", (string id, string? key, IGrainFactory g) => g.GetGrain<IVaultGrain>(id).Submit(new OpenDefaultVault(key)));
        v.MapPost("/collateral", (string id, string account, decimal amount, string? key, IGrainFactory g) =>
            g.GetGrain<IVaultGrain>(id).Submit(new DepositTraderCollateral(account, amount, key)));
        v.MapPost("/trades", async (string id, TradeBody t, IGrainFactory g) =>
        {
            var reply = await g.GetGrain<IVaultGrain>(id).Submit(
                new PlaceTrade(t.Account, new SeriesRef(t.Expiry, t.Strike, t.Call), t.Buy, t.Size, t.LimitPrice, t.IdempotencyKey));
            return reply.Status switch
            {
                ReplyStatus.Accepted or ReplyStatus.Replayed => Results.Ok(reply),
                ReplyStatus.Unavailable => Results.Json(reply, statusCode: StatusCodes.Status503ServiceUnavailable),
                _ => Results.UnprocessableEntity(reply),
            };
        });
    }
}
