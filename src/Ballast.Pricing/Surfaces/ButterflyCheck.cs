namespace Ballast.Pricing.Surfaces;

/// <summary>Result of a butterfly-arbitrage check of one slice on a log-moneyness grid.</summary>
/// <param name="MinimumDensity">Smallest Gatheral-Jacquier g(k) on the grid (dimensionless).</param>
/// <param name="AtLogMoneyness">The k = ln(K/F) where the minimum occurs.</param>
public readonly record struct ButterflyCheck(double MinimumDensity, double AtLogMoneyness)
{
    /// <summary>True when g(k) ≥ 0 at every grid point: no butterfly arbitrage detected.</summary>
    public bool IsArbitrageFree => MinimumDensity >= 0;
}
