using Ballast.Engine.Parameters;

namespace Ballast.Engine.Volatility;

/// <summary>
/// The vol at which force closes and liquidations are priced (Lyra v1 <c>OptionGreekCache.getPriceForForceClose</c>,
/// derivexyz/v1-core). Force closes are the risk-reducing trades allowed when an ordinary limit (delta range, trading
/// cutoff) blocks trading; pricing them off the GWAV vol with a penalty shock means a trader cannot force-close at a
/// vol just pushed around by trades, and pays for the privilege.
/// </summary>
public static class ForceCloseVolatility
{
    /// <summary>
    /// Force-close vol. <paramref name="gwavVol"/> is GWAV base IV over <see cref="VaultParameters.IvGwavPeriod"/> ×
    /// GWAV skew over <see cref="VaultParameters.SkewGwavPeriod"/>. A trader closing a short (a buy) pays at
    /// max(gwavVol, newVol) × shortVolShock; closing a long (a sell) receives min(gwavVol, newVol) × longVolShock; a
    /// liquidation uses gwavVol × liquidateVolShock; after the trading cutoff the post-cutoff shocks apply.
    /// </summary>
    /// <param name="gwavVol">GWAV vol (annualised decimal, &gt; 0).</param>
    /// <param name="newVol">Post-trade vol baseIv·newSkew from <see cref="VolDynamics.ApplyForceClose"/>.</param>
    /// <param name="direction">The trader's side (ignored for liquidations).</param>
    /// <param name="isLiquidation">True for liquidations, false for trader force closes.</param>
    /// <param name="isPostCutoff">True once the board is within <see cref="VaultParameters.TradingCutoff"/> of expiry.</param>
    /// <param name="p">Shock parameters.</param>
    /// <returns>The vol to price the trade at (annualised decimal).</returns>
    public static double Compute(double gwavVol, double newVol, TradeDirection direction, bool isLiquidation,
        bool isPostCutoff, VaultParameters p)
    {
        if (isLiquidation)
            return gwavVol * (isPostCutoff ? p.LiquidatePostCutoffVolShock : p.LiquidateVolShock);
        return direction == TradeDirection.Buy
            ? Math.Max(gwavVol, newVol) * (isPostCutoff ? p.ShortPostCutoffVolShock : p.ShortVolShock)
            : Math.Min(gwavVol, newVol) * (isPostCutoff ? p.LongPostCutoffVolShock : p.LongVolShock);
    }

    /// <summary>
    /// Lowest price per option the vault charges when a force close or liquidation buys back a short, so the vault
    /// never overpays: intrinsic value + spot × shortSpotMin (force close) or liquidateSpotMin (liquidation).
    /// </summary>
    /// <param name="intrinsicValue">Parity max(S − K, 0) for calls, max(K − S, 0) for puts (quote per option).</param>
    /// <param name="spot">Spot price.</param>
    /// <param name="isLiquidation">True for liquidations.</param>
    /// <param name="p">Parameters.</param>
    /// <returns>Price floor per option (quote currency).</returns>
    public static double MinimumBuyPrice(double intrinsicValue, double spot, bool isLiquidation, VaultParameters p) =>
        intrinsicValue + spot * (isLiquidation ? p.LiquidateSpotMin : p.ShortSpotMin);
}
