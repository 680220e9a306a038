using Ballast.Engine.Markets;

namespace Ballast.Engine.Events;

/// <summary>A keeper ended a liquidation auction that was no longer needed (<see cref="Commands.EndLiquidationAuction"/>).</summary>
/// <param name="Time">Unix seconds.</param>
/// <param name="Account">The account, free to trade and withdraw again.</param>
/// <param name="MaintenanceMargin">Its maintenance margin balance when the auction ended (quote, ≥ 0; 0 with no positions).</param>
public sealed record LiquidationAuctionEnded(long Time, AccountId Account, decimal MaintenanceMargin) : Event(Time);
