using Ballast.Engine.Markets;

namespace Ballast.Engine.Commands;

/// <summary>
/// A trader in a margin mode bids in a running liquidation auction (Derive <c>DutchAuction.bid</c>): it takes
/// min(<paramref name="Fraction"/>, the largest fraction that restores the buffer margin) of every position and both
/// collateral balances of <paramref name="Account"/> and pays the current price (a fraction of the account's equity) to it.
/// In an insolvent auction (equity ≤ 0) the bidder takes the whole account and is paid instead, by the insurance fund and
/// then the LPs.
/// </summary>
/// <param name="By">The bidder (Trader role, margin-mode account, IM ≥ 0 after taking the positions).</param>
/// <param name="Account">The auctioned account.</param>
/// <param name="Fraction">Fraction of the account asked for, in (0, 1]; must be 1 in an insolvent auction.</param>
/// <param name="MaxPayment">Most quote the bidder will pay (slippage bound of a solvent auction).</param>
public sealed record BidLiquidationAuction(Principal By, AccountId Account, decimal Fraction, decimal MaxPayment) : Command(By);
