namespace Ballast.Simulation.Data;

/// <summary>A funding-rate observation.</summary>
/// <param name="TimeUtc">When the rate applies from, UTC.</param>
/// <param name="AnnualizedRate">Funding rate as an annualised fraction (0.10 = 10% per year; positive: longs pay shorts).</param>
public readonly record struct FundingRatePoint(DateTime TimeUtc, double AnnualizedRate);
