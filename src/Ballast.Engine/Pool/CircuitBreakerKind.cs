namespace Ballast.Engine.Pool;

/// <summary>The four circuit breakers of Lyra v1's liquidity pool (<c>LiquidityPool._updateCBs</c>, <c>boardSettlement</c>).</summary>
public enum CircuitBreakerKind
{
    /// <summary>Free liquidity / NAV fell below <see cref="PoolParameters.LiquidityCircuitBreakerThreshold"/>.</summary>
    Liquidity,
    /// <summary>Max |GWAV base IV − base IV| rose above <see cref="PoolParameters.IvVarianceCircuitBreakerThreshold"/>.</summary>
    IvVariance,
    /// <summary>Max |GWAV skew − skew| rose above <see cref="PoolParameters.SkewVarianceCircuitBreakerThreshold"/>.</summary>
    SkewVariance,
    /// <summary>A board settled (keepers need time to settle insolvent positions).</summary>
    BoardSettlement,
}
