namespace Ballast.Engine.Pool;

/// <summary>
/// Which circuit breakers a market state fires (Lyra v1 <c>LiquidityPool._updateCBs</c>): free liquidity / NAV below its
/// threshold, IV variance above its threshold, skew variance above its threshold. A firing breaker stays active until
/// now + its timeout; it clears by itself once that time has passed without it firing again. Like Lyra, nothing fires
/// while the vault has no open options. Board settlement is a separate trigger (<see cref="TranchePool.SettleBoard"/>).
/// </summary>
public static class CircuitBreakers
{
    /// <summary>All breaker kinds, in declaration order.</summary>
    public static IReadOnlyList<CircuitBreakerKind> All { get; } = Enum.GetValues<CircuitBreakerKind>();

    /// <summary>The breakers that <paramref name="market"/> fires, each with the time (Unix seconds) it stays active until.</summary>
    /// <param name="market">NAV, liquidity and vol variances.</param>
    /// <param name="parameters">Thresholds and timeouts.</param>
    /// <param name="now">Unix seconds.</param>
    public static IReadOnlyList<(CircuitBreakerKind Kind, long Until)> Fired(PoolMarket market, PoolParameters parameters, long now)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(parameters);
        var fired = new List<(CircuitBreakerKind, long)>(3);
        if (!market.HasOpenOptions) return fired;
        // An insolvent or empty pool has no meaningful free/NAV ratio: treat it as out of liquidity.
        bool lowLiquidity = market.Nav.IsInsolvent || market.Nav.Nav <= 0
            || market.Liquidity.FreeLiquidity / market.Nav.Nav < parameters.LiquidityCircuitBreakerThreshold;
        if (market.MaxIvVariance > parameters.IvVarianceCircuitBreakerThreshold)
            fired.Add((CircuitBreakerKind.IvVariance, now + parameters.IvVarianceCircuitBreakerTimeout));
        if (market.MaxSkewVariance > parameters.SkewVarianceCircuitBreakerThreshold)
            fired.Add((CircuitBreakerKind.SkewVariance, now + parameters.SkewVarianceCircuitBreakerTimeout));
        if (lowLiquidity)
            fired.Add((CircuitBreakerKind.Liquidity, now + parameters.LiquidityCircuitBreakerTimeout));
        return fired;
    }
}
