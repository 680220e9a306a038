using Ballast.Engine.Markets;

namespace Ballast.Engine.Events;

/// <summary>A Dutch liquidation auction started for an account under maintenance margin; its clock starts at <paramref name="Time"/>.</summary>
/// <param name="Time">Unix seconds; the auction's price schedule runs from here.</param>
/// <param name="Account">The auctioned account.</param>
/// <param name="StartedBy">The keeper's account.</param>
/// <param name="Insolvent">True when the account's equity was ≤ 0 at the start (an insolvent auction: bidders are paid to take it).</param>
public sealed record LiquidationAuctionStarted(long Time, AccountId Account, AccountId StartedBy, bool Insolvent) : Event(Time);
