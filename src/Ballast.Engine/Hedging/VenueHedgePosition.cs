namespace Ballast.Engine.Hedging;

/// <summary>
/// The vault's hedge on one venue, in quote money (decimal). A linear (quote-settled) perpetual: P&amp;L is
/// quantity × (price − entry). Average-cost accounting: adding to a position re-averages the entry; reducing it
/// realises (exit − entry) × closed quantity; flipping closes the old side and opens the rest at the fill price.
/// </summary>
/// <param name="Quantity">Signed position, units of underlying.</param>
/// <param name="AverageEntryPrice">Average entry of the open position, quote per unit (0 when flat).</param>
/// <param name="RealizedPnl">Price P&amp;L realised by reductions, quote (before fees and funding).</param>
/// <param name="FeesPaid">Trading fees paid, quote, ≥ 0.</param>
/// <param name="FundingPaid">Net funding paid, quote (negative = net received).</param>
public sealed record VenueHedgePosition(decimal Quantity, decimal AverageEntryPrice, decimal RealizedPnl, decimal FeesPaid,
    decimal FundingPaid)
{
    /// <summary>No position, nothing paid.</summary>
    public static VenueHedgePosition Flat { get; } = new(0m, 0m, 0m, 0m, 0m);

    /// <summary>Unrealised price P&amp;L at <paramref name="mark"/>, quote.</summary>
    public decimal UnrealizedPnl(decimal mark) => Quantity * (mark - AverageEntryPrice);

    /// <summary>Value of the hedge account at <paramref name="mark"/>: realised + unrealised − fees − funding, quote.</summary>
    public decimal Value(decimal mark) => RealizedPnl + UnrealizedPnl(mark) - FeesPaid - FundingPaid;

    internal VenueHedgePosition WithFunding(decimal amount) => this with { FundingPaid = FundingPaid + amount };

    internal VenueHedgePosition WithFill(decimal quantity, decimal price, decimal fee)
    {
        decimal fees = FeesPaid + fee;
        if (Quantity == 0 || Math.Sign(Quantity) == Math.Sign(quantity))
        {
            decimal size = Quantity + quantity;
            // Weighted average entry; decimal division keeps 28 significant digits, well below a cent on any position.
            decimal entry = (Quantity * AverageEntryPrice + quantity * price) / size;
            return this with { Quantity = size, AverageEntryPrice = entry, FeesPaid = fees };
        }

        decimal closed = Math.Min(Math.Abs(quantity), Math.Abs(Quantity)) * Math.Sign(Quantity);
        decimal realized = RealizedPnl + closed * (price - AverageEntryPrice);
        decimal remaining = Quantity + quantity;
        decimal newEntry = remaining == 0 ? 0m : Math.Sign(remaining) == Math.Sign(Quantity) ? AverageEntryPrice : price;
        return this with { Quantity = remaining, AverageEntryPrice = newEntry, RealizedPnl = realized, FeesPaid = fees };
    }
}
