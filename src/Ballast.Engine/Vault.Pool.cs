using Ballast.Engine.Commands;
using Ballast.Engine.Events;
using Ballast.Engine.Markets;
using Ballast.Engine.Pool;
using Ballast.Engine.Pool.Events;
using Ballast.Engine.State;

namespace Ballast.Engine;

/// <summary>
/// The liquidity pool's rules (issue 5): LP deposits and withdrawals through FIFO queues or instantly, queue processing
/// by a keeper or the guardian, circuit breakers, all priced at the pool NAV valued at GWAV vols
/// (<see cref="VaultState.PoolNav"/>). The pure <see cref="TranchePool"/> decides; this file checks roles, builds the
/// pool's market view from the vault state and turns pool rejections into the engine's typed ones.
/// </summary>
public static partial class Vault
{
    private static Decision DecidePool(VaultState state, PoolCommand command, long now, Parameters.VaultParameters p, Event? activation)
    {
        if (command is OpenPool open) return DecideOpenPool(state, open, now, p, activation);
        // The pool decides with the governed values in force now (a due activation is applied with this decision).
        if (state.PoolUnder(p) is not { } pool) return Decision.Reject(RejectionReason.PoolNotOpen, "the liquidity pool is not set up; an Admin sends OpenPool first");
        var by = command.By;
        PoolDecision decision;
        switch (command)
        {
            case RequestLpDeposit d:
                if (by.Role != Role.LiquidityProvider) return Unauthorized(by, "deposit into the pool");
                decision = d.Instant
                    ? pool.InstantDeposit(by.Account, d.Tranche, d.Amount, state.PoolMarketAt(now, p), now)
                    : pool.RequestDeposit(by.Account, d.Tranche, d.Amount, now);
                break;
            case RequestLpWithdrawal w:
                if (by.Role != Role.LiquidityProvider) return Unauthorized(by, "withdraw from the pool");
                decision = w.Instant
                    ? pool.InstantWithdrawal(by.Account, w.Tranche, w.Shares, state.PoolMarketAt(now, p), now)
                    : pool.RequestWithdrawal(by.Account, w.Tranche, w.Shares, now);
                break;
            case CancelLpRequest c:
                if (by.Role != Role.LiquidityProvider) return Unauthorized(by, "cancel pool requests");
                decision = pool.Cancel(by.Account, c.RequestId, now);
                break;
            case ProcessLpQueues q:
            {
                if (by.Role is not (Role.Keeper or Role.Admin)) return Unauthorized(by, "process the pool's queues");
                var authority = by.Role == Role.Admin ? ProcessingAuthority.Guardian : ProcessingAuthority.Keeper;
                var market = state.PoolMarketAt(now, p);
                decision = pool.ProcessQueues(market, now, authority, q.Limit);
                if (decision.IsAccepted && decision.Events.Count == 0)
                    return Decision.Reject(RejectionReason.NothingToProcess, WhyNothingIsDue(pool, market, now));
                break;
            }
            case UpdateCircuitBreakers:
                if (by.Role is not (Role.Keeper or Role.Admin)) return Unauthorized(by, "update circuit breakers");
                decision = pool.UpdateCircuitBreakers(state.PoolMarketAt(now, p), now);
                if (decision.IsAccepted && decision.Events.Count == 0)
                    return Decision.Reject(RejectionReason.NothingToProcess, "no circuit breaker fires or extends now");
                break;
            default:
                return Decision.Reject(RejectionReason.InvalidInput, $"unknown pool command {command.GetType().Name}");
        }

        return FromPool(decision, now, activation);
    }

    private static Decision DecideOpenPool(VaultState state, OpenPool c, long now, Parameters.VaultParameters p, Event? activation)
    {
        if (c.By.Role != Role.Admin) return Unauthorized(c.By, "set up the liquidity pool");
        if (state.Pool is not null) return Decision.Reject(RejectionReason.PoolAlreadyOpen, "the liquidity pool is already set up");
        if (string.IsNullOrEmpty(c.SeedOwner.Value)) return Decision.Reject(RejectionReason.InvalidInput, "seed owner is empty");
        if (c.Tranches is null || c.Parameters is null) return Decision.Reject(RejectionReason.InvalidInput, "tranches and parameters are required");
        if (!TranchePool.TryCreate(c.Tranches, c.Parameters, now, out _, out string? error))
            return Decision.Reject(RejectionReason.InvalidParameter, error ?? "invalid pool configuration");
        // OpenPool's delays, fee and breaker settings seed the governed parameters: they must fit the catalog's bounds.
        var seeded = p.TrySeedPool(c.Parameters, out _);
        if (!seeded.IsValid) return Decision.Reject(RejectionReason.InvalidParameter, seeded.Message ?? "pool parameters out of bounds");
        if (c.Parameters.QuoteDecimals != state.Market!.QuoteDecimals)
            return Decision.Reject(RejectionReason.InvalidParameter, $"pool quote decimals {c.Parameters.QuoteDecimals} differ from the market's {state.Market.QuoteDecimals}");
        decimal seedNav = 0m, seedShares = 0m;
        if (state.HasSpot)
        {
            var nav = state.PoolNav(now, p);
            if (!nav.IsValid) return Decision.Reject(RejectionReason.PricingFailed, $"NAV cannot be computed: {nav.Message}");
            if (nav.IsInsolvent) return Decision.Reject(RejectionReason.PoolInsolvent, $"the vault is insolvent (deficit {nav.Deficit}); it cannot be owned");
            seedNav = nav.Nav;
        }
        else if (state.Capital(Asset.Quote) + state.AccruedFees(Asset.Quote) != 0m || state.Capital(Asset.Base) + state.AccruedFees(Asset.Base) != 0m)
        {
            return Decision.Reject(RejectionReason.OracleUnavailable, "the vault holds capital but has no spot price to value it; publish spot first");
        }

        if (seedNav > 0m)
        {
            var junior = c.Tranches.OrderBy(t => t.Priority).Last();
            seedShares = TranchePool.RoundDown(seedNav / junior.InitialSharePrice, c.Parameters.ShareDecimals);
        }

        return Decision.Accept(new PoolOpened(now, [.. c.Tranches], c.Parameters, c.SeedOwner, seedNav, seedShares), activation);
    }

    /// <summary>One event stays itself; several become one <see cref="PoolEventBatch"/> (an engine decision carries at most three events).</summary>
    private static Decision FromPool(PoolDecision decision, long now, Event? activation)
    {
        if (decision.Rejection is { } r) return Decision.Reject(ToEngine(r.Reason), r.Message);
        return decision.Events.Count switch
        {
            0 => Decision.Reject(RejectionReason.NothingToProcess, "nothing changes"),
            1 => Decision.Accept(decision.Events[0], activation),
            _ => Decision.Accept(new PoolEventBatch(now, [.. decision.Events]), activation),
        };
    }

    private static string WhyNothingIsDue(TranchePool pool, PoolMarket market, long now)
    {
        var why = new List<string>();
        if (!market.IsGreekCacheFresh) why.Add("the Greek cache is stale (refresh spot or vols)");
        var active = pool.ActiveCircuitBreakers(now);
        if (active.Count > 0) why.Add($"circuit breakers active: {string.Join(", ", active)}");
        if (market.Nav.IsInsolvent) why.Add($"the pool is insolvent (deficit {market.Nav.Deficit})");
        why.Add("requests are processed only after their delay, in FIFO order");
        return "nothing processed: " + string.Join("; ", why);
    }

    /// <summary>The engine's rejection for each pool rejection (one enum, one HTTP mapping for every command).</summary>
    internal static RejectionReason ToEngine(PoolRejectionReason reason) => reason switch
    {
        PoolRejectionReason.BelowMinimum => RejectionReason.BelowMinimum,
        PoolRejectionReason.UnknownTranche => RejectionReason.UnknownTranche,
        PoolRejectionReason.InsufficientShares => RejectionReason.InsufficientShares,
        PoolRejectionReason.UnknownRequest => RejectionReason.UnknownRequest,
        PoolRejectionReason.NotRequestOwner => RejectionReason.Unauthorized,
        PoolRejectionReason.InvalidMarket => RejectionReason.PricingFailed,
        PoolRejectionReason.InstantModeDisabled => RejectionReason.InstantModeDisabled,
        PoolRejectionReason.CircuitBreakerActive => RejectionReason.CircuitBreakerActive,
        PoolRejectionReason.GreekCacheStale => RejectionReason.GreekCacheStale,
        PoolRejectionReason.InsufficientLiquidity => RejectionReason.InsufficientLiquidity,
        PoolRejectionReason.Insolvent => RejectionReason.PoolInsolvent,
        PoolRejectionReason.ZeroSharePrice or PoolRejectionReason.SeniorTrancheImpaired => RejectionReason.TrancheImpaired,
        _ => RejectionReason.InvalidInput, // InvalidAmount, InvalidAccount, TimeWentBackwards
    };

    /// <summary>
    /// With <see cref="PoolParameters.HaltTradingWhileBreakerActive"/> set, an active circuit breaker stops trades that open
    /// or grow a position; a trade that only reduces the account's position stays allowed (DESIGN.md: force-close).
    /// </summary>
    private static Decision? PoolHaltsTrade(VaultState state, decimal position, decimal after, long now)
    {
        // HaltTradingWhileBreakerActive is not governed: the pool as applied decides (no copy per trade).
        if (state.Pool is not { } pool || !pool.IsTradingHalted(now)) return null;
        bool reduces = Math.Abs(after) < Math.Abs(position) && Math.Sign(after) != -Math.Sign(position);
        return reduces ? null : Decision.Reject(RejectionReason.CircuitBreakerActive,
            $"trading is halted while circuit breakers are active ({string.Join(", ", pool.ActiveCircuitBreakers(now))}); only reducing a position is allowed");
    }

    /// <summary>A settled board pauses the pool's queues (Lyra v1 <c>LiquidityPool.boardSettlement</c>) for the governed
    /// timeout in force now, or null without a pool.</summary>
    private static Event? SettlementBreaker(VaultState state, long now) =>
        state.PoolUnder(state.ParametersAt(now, out _))?.SettleBoard(now) is { IsAccepted: true, Events.Count: 1 } d ? d.Events[0] : null;
}
