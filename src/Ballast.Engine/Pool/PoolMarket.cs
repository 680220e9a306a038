namespace Ballast.Engine.Pool;

/// <summary>
/// What the engine tells the pool when it asks it to process queues or check its breakers: NAV (valued at GWAV vols),
/// liquidity, the Greek cache's freshness and vol variances. All money in quote units.
/// </summary>
/// <param name="Nav">The pool's NAV from <see cref="NavCalculator.Compute"/>.</param>
/// <param name="Liquidity">The split of the vault's quote from <see cref="LiquidityCalculator.Compute"/>.</param>
/// <param name="MaxIvVariance">Largest |GWAV base IV − base IV| over live boards (annualised vol), ≥ 0.</param>
/// <param name="MaxSkewVariance">Largest |GWAV skew − skew| over live strikes, ≥ 0.</param>
/// <param name="HasOpenOptions">True when the vault has any open option position or locked collateral (Lyra skips breakers otherwise).</param>
/// <param name="IsGreekCacheFresh">False when the Greek cache is stale: queues then wait (Lyra <c>isGlobalCacheStale</c>).</param>
/// <param name="HasLiveBoards">True while any board is live: the withdrawal fee applies.</param>
public sealed record PoolMarket(
    NavResult Nav,
    LiquiditySnapshot Liquidity,
    double MaxIvVariance,
    double MaxSkewVariance,
    bool HasOpenOptions,
    bool IsGreekCacheFresh,
    bool HasLiveBoards)
{
    /// <summary>A calm market for tests and tools: the given NAV, all of it burnable and free, no variance, fresh cache.</summary>
    /// <param name="nav">NAV in quote, ≥ 0.</param>
    /// <param name="burnable">Quote available to withdrawals (and free for trades).</param>
    /// <param name="hasLiveBoards">Whether boards are live (withdrawal fee applies).</param>
    public static PoolMarket Calm(decimal nav, decimal burnable, bool hasLiveBoards = true) =>
        new(NavResult.Solvent(nav), new LiquiditySnapshot(0, 0, 0, burnable, burnable, LiquidityInputError.None), 0, 0, false, true, hasLiveBoards);

    /// <summary>Null when usable, otherwise why not (NaN or negative variance, invalid NAV or liquidity).</summary>
    public string? Problem()
    {
        if (!Nav.IsValid) return $"NAV inputs invalid: {Nav.Message}";
        if (!Liquidity.IsValid) return $"liquidity inputs invalid: {Liquidity.Error}";
        if (!(MaxIvVariance >= 0 && double.IsFinite(MaxIvVariance))) return $"max IV variance must be finite and ≥ 0, got {MaxIvVariance}";
        if (!(MaxSkewVariance >= 0 && double.IsFinite(MaxSkewVariance))) return $"max skew variance must be finite and ≥ 0, got {MaxSkewVariance}";
        return null;
    }
}
