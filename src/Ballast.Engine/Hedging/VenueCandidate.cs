namespace Ballast.Engine.Hedging;

/// <summary>A routable venue's validated terms, the input of the pure <see cref="HedgeRouter.Plan"/>.</summary>
/// <param name="VenueId">Venue id.</param>
/// <param name="MarkPrice">Mark, quote per unit, &gt; 0.</param>
/// <param name="FeeRate">Fee for the order style, fraction of notional.</param>
/// <param name="Depth">Depth model (slippage and the largest fill).</param>
/// <param name="FundingRatePerYear">Annualised funding (positive: longs pay).</param>
/// <param name="CurrentPosition">Vault's position on the venue, units of underlying.</param>
/// <param name="MaxPosition">Cap on |position|, units of underlying.</param>
/// <param name="MaxOrder">Cap on |order|, units of underlying.</param>
public readonly record struct VenueCandidate(string VenueId, double MarkPrice, double FeeRate, OrderBookDepth Depth,
    double FundingRatePerYear, decimal CurrentPosition, decimal MaxPosition, decimal MaxOrder)
{
    /// <summary>
    /// Expected all-in cost (quote) of an order of <paramref name="size"/> units in direction <paramref name="direction"/>
    /// (+1 buy, −1 sell): size·mark·(fee + slippage(size)) + direction·rate·horizon·size·mark. The carry term is the
    /// funding the order adds (or removes) over the horizon: buying when longs pay costs, selling earns.
    /// </summary>
    public double ExpectedCost(double size, int direction, double horizonYears) =>
        size * MarkPrice * (FeeRate + Depth.SlippageFraction(size)) + direction * FundingRatePerYear * horizonYears * size * MarkPrice;

    /// <summary>Room for an order in <paramref name="direction"/>: min(order cap, position cap − direction·position, depth), ≥ 0.</summary>
    public decimal Room(int direction)
    {
        decimal positionRoom = MaxPosition - direction * CurrentPosition;
        decimal depth = Depth.MaxDepth >= 7.9e27 ? decimal.MaxValue : (decimal)Depth.MaxDepth;
        return Math.Max(0m, Math.Min(Math.Min(MaxOrder, positionRoom), depth));
    }
}
