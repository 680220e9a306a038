namespace Ballast.Engine.Pool;

/// <summary>One point of the pool's history, recorded by a <see cref="Events.PoolMarked"/> event.</summary>
/// <param name="Time">Unix seconds.</param>
/// <param name="Nav">NAV, quote.</param>
/// <param name="SharePrices">Share price per tranche in seniority order (quote per share).</param>
/// <param name="Attribution">PnL attribution for the period ending here.</param>
public sealed record PoolMark(long Time, decimal Nav, IReadOnlyList<decimal> SharePrices, PnlAttribution Attribution);
