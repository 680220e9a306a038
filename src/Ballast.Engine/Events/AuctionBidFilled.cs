using Ballast.Engine.Markets;

namespace Ballast.Engine.Events;

/// <summary>
/// A bid in a liquidation auction, applied atomically: positions and collateral move from the auctioned account to the
/// bidder (the vault's own positions do not change), the bidder pays <paramref name="Payment"/> to the account (solvent
/// auction) or receives <paramref name="InsurancePayout"/> + <paramref name="SocialisedLoss"/> (insolvent auction). Quote money.
/// </summary>
/// <param name="Time">Unix seconds.</param>
/// <param name="Account">The auctioned account.</param>
/// <param name="Bidder">The bidder's account.</param>
/// <param name="Fraction">Fraction of the account taken, in (0, 1].</param>
/// <param name="PriceFraction">Auction price as a fraction of equity at the bid (0 in an insolvent auction).</param>
/// <param name="Transferred">Changes of the auctioned account's positions (the bidder's change by the negative), canonical series order.</param>
/// <param name="TakenQuote">Quote moved from the account to the bidder (may be negative: a debt taken over).</param>
/// <param name="TakenBase">Base moved from the account to the bidder.</param>
/// <param name="Payment">Quote the bidder paid to the account (≥ 0).</param>
/// <param name="InsurancePayout">Insolvent auction: paid to the bidder by the insurance fund.</param>
/// <param name="SocialisedLoss">Insolvent auction: paid to the bidder from the LPs' capital.</param>
/// <param name="EndsAuction">True when the account no longer needs the auction (no positions left, or buffer margin ≥ 0).</param>
public sealed record AuctionBidFilled(
    long Time, AccountId Account, AccountId Bidder, decimal Fraction, decimal PriceFraction, IReadOnlyList<LiquidatedPosition> Transferred,
    decimal TakenQuote, decimal TakenBase, decimal Payment, decimal InsurancePayout, decimal SocialisedLoss, bool EndsAuction) : Event(Time);
