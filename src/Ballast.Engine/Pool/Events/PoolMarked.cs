namespace Ballast.Engine.Pool.Events;

/// <summary>The engine marked the pool: NAV and the period's PnL attribution, recorded in the share-price history.</summary>
/// <param name="Time">Unix seconds.</param>
/// <param name="Nav">NAV in quote (0 when insolvent).</param>
/// <param name="Attribution">Fee income, option PnL and hedge PnL since the previous mark.</param>
public sealed record PoolMarked(long Time, decimal Nav, PnlAttribution Attribution) : PoolEvent(Time);
