namespace Ballast.Engine.State;

/// <summary>A running Dutch liquidation auction of one account.</summary>
/// <param name="StartedAt">Unix seconds; the price schedule's elapsed time counts from here.</param>
/// <param name="Insolvent">True when it started as an insolvent auction (equity ≤ 0).</param>
public readonly record struct LiquidationAuctionState(long StartedAt, bool Insolvent);
