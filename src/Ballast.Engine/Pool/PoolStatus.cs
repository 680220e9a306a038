using Ballast.Engine.State;

namespace Ballast.Engine.Pool;

/// <summary>
/// What an LP or an operator wants to see of the pool at one time: NAV at GWAV vols (or the deficit), liquidity and
/// utilisation, each tranche's claim and share price, the queues and the circuit breakers. Read-only; built from a
/// <see cref="VaultState"/> by <see cref="Of"/> (the server's <c>/v1/pool</c> and <c>ballast vault status</c> print it).
/// </summary>
/// <param name="IsOpen">False before <c>OpenPool</c>: every other field is then empty or zero.</param>
/// <param name="Time">The valuation time, Unix seconds.</param>
/// <param name="Nav">NAV, quote (0 when insolvent or not computable).</param>
/// <param name="Deficit">Liabilities − assets when insolvent, quote; else 0.</param>
/// <param name="IsInsolvent">True when liabilities exceed assets.</param>
/// <param name="NavProblem">Why NAV cannot be computed (no spot yet), or null.</param>
/// <param name="FreeLiquidity">Quote free after collateral, hedging and queued withdrawals.</param>
/// <param name="BurnableLiquidity">Quote free before the queued-withdrawal reserve (what withdrawals can take).</param>
/// <param name="Utilisation">1 − free / NAV, in [0, 1].</param>
/// <param name="QueuedDeposits">Quote waiting in the deposit queues (outside NAV).</param>
/// <param name="ReservedForQueuedWithdrawals">Value of shares queued for withdrawal at today's prices, quote.</param>
/// <param name="IsGreekCacheFresh">False when the Greek cache is stale: keepers cannot process the queues.</param>
/// <param name="Tranches">Tranches, most senior first.</param>
/// <param name="Breakers">Every circuit breaker with its until-time.</param>
/// <param name="Queue">Every queued request, deposits then withdrawals, tranche by tranche, FIFO.</param>
public sealed record PoolStatus(
    bool IsOpen,
    long Time,
    decimal Nav,
    decimal Deficit,
    bool IsInsolvent,
    string? NavProblem,
    decimal FreeLiquidity,
    decimal BurnableLiquidity,
    decimal Utilisation,
    decimal QueuedDeposits,
    decimal ReservedForQueuedWithdrawals,
    bool IsGreekCacheFresh,
    IReadOnlyList<PoolStatus.TrancheLine> Tranches,
    IReadOnlyList<PoolStatus.BreakerLine> Breakers,
    IReadOnlyList<PoolStatus.RequestLine> Queue)
{
    /// <summary>One tranche.</summary>
    /// <param name="Name">Tranche name.</param>
    /// <param name="Priority">0 = most senior.</param>
    /// <param name="TargetApr">Target simple APR (ratio), or null for the residual tranche.</param>
    /// <param name="Shares">Shares outstanding.</param>
    /// <param name="TargetClaim">What the tranche is owed (seniors), quote.</param>
    /// <param name="Claim">Its part of NAV by the waterfall, quote.</param>
    /// <param name="SharePrice">Claim / shares, quote per share.</param>
    public sealed record TrancheLine(string Name, int Priority, decimal? TargetApr, decimal Shares, decimal TargetClaim, decimal Claim, decimal SharePrice);

    /// <summary>One circuit breaker.</summary>
    /// <param name="Kind">Which breaker.</param>
    /// <param name="ActiveUntil">Unix seconds until which it pauses the queues, or null if it never fired.</param>
    /// <param name="IsActive">True at <see cref="PoolStatus.Time"/>.</param>
    public sealed record BreakerLine(CircuitBreakerKind Kind, long? ActiveUntil, bool IsActive);

    /// <summary>One queued request.</summary>
    /// <param name="Id">Request id.</param>
    /// <param name="Account">The LP.</param>
    /// <param name="Tranche">Tranche name.</param>
    /// <param name="IsDeposit">True for a deposit (amount in quote), false for a withdrawal (amount in shares).</param>
    /// <param name="Amount">Quote (deposit) or shares (withdrawal) still queued.</param>
    /// <param name="RequestedAt">Unix seconds.</param>
    /// <param name="DueAfter">A keeper may process it once now is past this time (Unix seconds).</param>
    public sealed record RequestLine(long Id, string Account, string Tranche, bool IsDeposit, decimal Amount, long RequestedAt, long DueAfter);

    /// <summary>The pool's status in <paramref name="state"/> valued at <paramref name="now"/>.</summary>
    /// <param name="state">The vault state.</param>
    /// <param name="now">Unix seconds (not before the last event, for meaningful accruals).</param>
    public static PoolStatus Of(VaultState state, long now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Pool is not { } pool || state.Market is null)
            return new PoolStatus(false, now, 0, 0, false, "the pool is not open", 0, 0, 0, 0, 0, false, [], [], []);
        var p = state.ParametersAt(now, out _);
        var market = state.PoolMarketAt(now, p);
        var nav = market.Nav;
        var claims = nav.IsValid ? pool.Claims(nav.Nav, now) : [];
        var tranches = pool.Tranches.Select((t, i) => new TrancheLine(t.Name, t.Config.Priority, t.Config.TargetApr, t.Shares,
            i < claims.Length ? claims[i].TargetClaim : 0, i < claims.Length ? claims[i].Claim : 0, i < claims.Length ? claims[i].SharePrice : 0)).ToArray();
        var breakers = CircuitBreakers.All.Select(k =>
        {
            long until = pool.CircuitBreakerActiveUntil(k);
            return new BreakerLine(k, until == long.MinValue ? null : until, until >= now);
        }).ToArray();
        var queue = pool.Tranches.SelectMany(t => pool.DepositQueue(t.Name).Concat(pool.WithdrawalQueue(t.Name)))
            .Select(r => new RequestLine(r.Id, r.Account.Value, r.Tranche, r.IsDeposit, r.Amount, r.RequestedAt,
                r.RequestedAt + (long)(r.IsDeposit ? p.PoolDepositDelay : p.PoolWithdrawalDelay)))
            .ToArray();
        var liquidity = market.Liquidity;
        return new PoolStatus(true, now, nav.Nav, nav.Deficit, nav.IsInsolvent, nav.Message, liquidity.FreeLiquidity, liquidity.BurnableLiquidity,
            liquidity.Utilisation(nav), pool.QueuedDepositTotal, liquidity.ReservedForQueuedWithdrawals, market.IsGreekCacheFresh, tranches, breakers, queue);
    }
}
