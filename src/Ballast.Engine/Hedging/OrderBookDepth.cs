namespace Ballast.Engine.Hedging;

/// <summary>
/// A venue's order-book depth model: a taker order of q units pays, as a fraction of the mark,
/// <code>slippage(q) = halfSpread + η·√(|q| / referenceDepth)</code>
/// and at most <see cref="MaxDepth"/> units fill. The square-root law of market impact is the empirical regularity of
/// Almgren, Thum, Hauptmann &amp; Li, "Direct estimation of equity market impact", Risk 18(7), 2005, and
/// Tóth et al., "Anomalous price impact and the critical nature of liquidity", Phys. Rev. X 1, 021006 (2011).
/// </summary>
/// <param name="HalfSpread">Half the bid-ask spread as a fraction of mark (0.0001 = 1 bp), ≥ 0.</param>
/// <param name="ImpactCoefficient">η: fractional impact of an order of <paramref name="ReferenceDepth"/> units, ≥ 0.</param>
/// <param name="ReferenceDepth">Depth scale, units of underlying, &gt; 0.</param>
/// <param name="MaxDepth">Largest quantity one order can fill, units of underlying, &gt; 0.</param>
public readonly record struct OrderBookDepth(double HalfSpread, double ImpactCoefficient, double ReferenceDepth, double MaxDepth)
{
    /// <summary>Average slippage of a taker order of <paramref name="quantity"/> units (either sign), fraction of mark.</summary>
    public double SlippageFraction(double quantity) =>
        HalfSpread + ImpactCoefficient * Math.Sqrt(Math.Abs(quantity) / ReferenceDepth);

    /// <summary>True when every field is finite and in range.</summary>
    public bool IsValid =>
        double.IsFinite(HalfSpread) && HalfSpread >= 0
        && double.IsFinite(ImpactCoefficient) && ImpactCoefficient >= 0
        && double.IsFinite(ReferenceDepth) && ReferenceDepth > 0
        && double.IsFinite(MaxDepth) && MaxDepth > 0;
}
