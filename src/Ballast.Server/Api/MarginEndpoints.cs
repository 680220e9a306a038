using Ballast.Engine.Accounting;
using Ballast.Engine.Commands;
using Ballast.Engine.Events;
using Ballast.Engine.Markets;
using Ballast.Engine.State;
using Ballast.Ledger.Hosting;
using Ballast.Server.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ballast.Server.Api;

/// <summary>Body of <c>PUT /v1/accounts/{account}/margin-mode</c>: "standard", "portfolio" or "full" (full collateral).</summary>
public sealed record MarginModeRequest(string? Mode);

/// <summary>Body of <c>POST /v1/liquidations</c>.</summary>
public sealed record LiquidationRequest(string? Account);

/// <summary>Body of <c>POST /v1/insurance-fund/deposits</c> (quote).</summary>
public sealed record InsuranceDepositRequest(decimal? Amount);

/// <summary>Margin status of an account (quote money; balances are collateral − requirement, negative MM = liquidatable).</summary>
public sealed record MarginStatusView(string Account, string Mode, bool Margined, int Positions, decimal? InitialMargin, decimal? MaintenanceMargin,
    decimal? InitialRequirement, decimal? MaintenanceRequirement, decimal? Equity, string? WorstScenario, bool Liquidatable, bool InAuction, string? Problem);

/// <summary>Result of a liquidation step: the receipt and what the engine did.</summary>
public sealed record LiquidationView(CommandReceipt Receipt, string Account, decimal Fraction, decimal CloseCash, decimal Penalty,
    decimal PenaltyToLiquidator, decimal PenaltyToInsuranceFund, decimal PenaltyToLps, decimal? Shortfall, decimal? InsurancePayout, decimal? SocialisedLoss);

/// <summary>
/// The margin part of /v1 (issue 7): a trader sets its own margin mode and reads its margin status (admins and keepers may
/// read any account's), keepers and admins liquidate, admins fund the insurance fund. Every change is an engine command.
/// </summary>
public static class MarginEndpoints
{
    /// <summary>Adds the margin routes to the /v1 group.</summary>
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapPut("/accounts/{account}/margin-mode", SetMode)
            .RequireRoles(ApiRole.Trader).RequireOwnAccount("account", adminMayRead: false).WithTags("margin");
        v1.MapGet("/accounts/{account}/margin", Status).RequireRoles(ApiRole.Trader, ApiRole.Admin, ApiRole.Keeper).WithTags("margin");
        v1.MapPost("/liquidations", Liquidate).RequireRoles(ApiRole.Keeper, ApiRole.Admin).WithTags("margin");
        v1.MapPost("/insurance-fund/deposits", InsuranceDeposit).RequireRoles(ApiRole.Admin).WithTags("margin");
    }

    private static async Task<IResult> SetMode(string account, HttpRequest r, VaultHost h, ServerOptions o)
    {
        var (req, problem) = await JsonBody.ReadAsync<MarginModeRequest>(r, o.MaxBodyBytes);
        if (problem is not null) return problem;
        AccountMarginMode? mode = req!.Mode?.ToLowerInvariant() switch
        {
            "standard" => AccountMarginMode.Standard,
            "portfolio" => AccountMarginMode.Portfolio,
            "full" or "fullcollateral" => AccountMarginMode.FullCollateral,
            _ => null,
        };
        if (mode is null) return Problems.BadRequest("mode must be standard, portfolio or full");
        var command = new SetMarginMode(Caller.Principal(Caller.Of(r.HttpContext)!), mode.Value);
        return await V1Endpoints.Submit(r.HttpContext, h, command, null, "", outcome => Results.Ok(V1Endpoints.Receipt(outcome)));
    }

    private static IResult Status(string account, HttpContext ctx, VaultHost h)
    {
        var caller = Caller.Of(ctx)!;
        if (caller.Role == ApiRole.Trader && !string.Equals(caller.Account, account, StringComparison.Ordinal))
            return Problems.Forbidden($"account '{caller.Account}' may not read account '{account}'");
        return Results.Ok(h.Read((account, h.Now), static (s, a) => View(s, a.account, a.Now)));
    }

    private static MarginStatusView View(VaultState s, string id, long now)
    {
        var account = s.AccountOrNull(new AccountId(id));
        bool inAuction = s.IsInAuction(new AccountId(id));
        if (account is null) return new(id, "fullCollateral", false, 0, null, null, null, null, null, null, false, false, null);
        string mode = account.MarginMode switch { AccountMarginMode.Standard => "standard", AccountMarginMode.Portfolio => "portfolio", _ => "fullCollateral" };
        if (!account.UsesMargin) return new(id, mode, false, account.Positions.Count, null, null, null, null, null, null, false, inAuction, null);
        var m = AccountMargin.TryCompute(s, account, now, out var rejection);
        if (m is null) return new(id, mode, true, account.Positions.Count, null, null, null, null, null, null, false, inAuction, rejection?.Message);
        return new(id, mode, true, account.Positions.Count, m.InitialMargin, m.MaintenanceMargin, m.InitialRequirement, m.MaintenanceRequirement,
            m.Equity, m.WorstScenario, m.MaintenanceMargin < 0m, inAuction, null);
    }

    private static async Task<IResult> Liquidate(HttpRequest r, VaultHost h, ServerOptions o)
    {
        var (req, problem) = await JsonBody.ReadAsync<LiquidationRequest>(r, o.MaxBodyBytes);
        if (problem is not null) return problem;
        if (string.IsNullOrEmpty(req!.Account)) return Problems.BadRequest("account is required");
        var command = new Liquidate(Caller.Principal(Caller.Of(r.HttpContext)!), new AccountId(req.Account));
        return await V1Endpoints.Submit(r.HttpContext, h, command, null, "", outcome =>
        {
            var events = outcome.Events;
            var step = events.OfType<AccountLiquidated>().Single();
            var cover = events.OfType<InsolvencyCovered>().SingleOrDefault();
            return Results.Ok(new LiquidationView(V1Endpoints.Receipt(outcome), step.Account.Value, step.Fraction, step.CloseCash, step.Penalty,
                step.PenaltyToLiquidator, step.PenaltyToInsuranceFund, step.PenaltyToLps, cover?.Shortfall, cover?.InsurancePayout, cover?.SocialisedLoss));
        });
    }

    private static async Task<IResult> InsuranceDeposit(HttpRequest r, VaultHost h, ServerOptions o)
    {
        var (req, problem) = await JsonBody.ReadAsync<InsuranceDepositRequest>(r, o.MaxBodyBytes);
        if (problem is not null) return problem;
        if (req!.Amount is not decimal amount || amount <= 0 || amount > 1_000_000_000_000m) return Problems.BadRequest("amount must be > 0 and ≤ 1e12");
        var command = new DepositInsuranceFund(Caller.Principal(Caller.Of(r.HttpContext)!), amount);
        return await V1Endpoints.Submit(r.HttpContext, h, command, null, "", outcome => Results.Ok(V1Endpoints.Receipt(outcome)));
    }
}
