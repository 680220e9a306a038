namespace Ballast.Engine.Pool;

/// <summary>A tranche's share price at one time.</summary>
/// <param name="Time">Unix seconds.</param>
/// <param name="SharePrice">Quote per share, ≥ 0.</param>
public readonly record struct SharePricePoint(long Time, decimal SharePrice);
