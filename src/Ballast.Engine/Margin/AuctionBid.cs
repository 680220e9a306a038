namespace Ballast.Engine.Margin;

/// <summary>Outcome of a bid in a solvent Dutch liquidation auction (see <see cref="LiquidationAuction.Bid"/>).</summary>
/// <param name="Rejection">Why the bid was refused; <see cref="LiquidationRejection.None"/> when accepted.</param>
/// <param name="Fraction">Fraction of the account (every position and both collateral balances) the bidder takes, in [0, 1].</param>
/// <param name="MaxFraction">Largest fraction allowed at this price: the one that restores a zero buffer margin.</param>
/// <param name="PriceFraction">Current auction price as a fraction of equity.</param>
/// <param name="Payment">Quote the bidder pays to the account: Fraction × PriceFraction × equity, rounded up to 1e-8.</param>
public readonly record struct AuctionBid(LiquidationRejection Rejection, decimal Fraction, decimal MaxFraction, decimal PriceFraction, decimal Payment)
{
    /// <summary>True when the bid was accepted.</summary>
    public bool Accepted => Rejection == LiquidationRejection.None;
}
