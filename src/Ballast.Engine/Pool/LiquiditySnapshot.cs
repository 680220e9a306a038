namespace Ballast.Engine.Pool;

/// <summary>How the vault's quote is used; every amount in quote units, ≥ 0.</summary>
/// <param name="ReservedCollateral">put collateral·putScale + call size·spot·callScale, capped by what is available.</param>
/// <param name="UsedForHedging">Quote used for hedging, capped by what is available.</param>
/// <param name="ReservedForQueuedWithdrawals">Value of queued withdrawals held back from trading, capped by what is available.</param>
/// <param name="FreeLiquidity">Quote left for new trades: quote − settlements − queued deposits − reserved collateral − hedging − queued withdrawals, floored at 0.</param>
/// <param name="BurnableLiquidity">Quote a withdrawal may take now: the same without the queued-withdrawal reserve (Lyra's <c>burnableLiquidity</c>).</param>
/// <param name="Error">Why the inputs were refused; <see cref="LiquidityInputError.None"/> when computed.</param>
public readonly record struct LiquiditySnapshot(
    decimal ReservedCollateral,
    decimal UsedForHedging,
    decimal ReservedForQueuedWithdrawals,
    decimal FreeLiquidity,
    decimal BurnableLiquidity,
    LiquidityInputError Error)
{
    /// <summary>True when the inputs were valid.</summary>
    public bool IsValid => Error == LiquidityInputError.None;

    /// <summary>True when a trade needing <paramref name="liquidityNeeded"/> quote fits in <see cref="FreeLiquidity"/>.</summary>
    /// <param name="liquidityNeeded">Quote the trade would lock or pay, ≥ 0.</param>
    public bool CanAfford(decimal liquidityNeeded) => IsValid && liquidityNeeded >= 0 && liquidityNeeded <= FreeLiquidity;

    /// <summary>Utilisation = 1 − free / NAV (ratio, [0, 1]); 1 when NAV is 0 or the pool is insolvent.</summary>
    /// <param name="nav">The pool's NAV.</param>
    public decimal Utilisation(NavResult nav)
    {
        if (!nav.IsValid || nav.IsInsolvent || nav.Nav <= 0) return 1m;
        decimal u = 1m - FreeLiquidity / nav.Nav;
        return u < 0 ? 0 : u > 1 ? 1 : u;
    }
}
