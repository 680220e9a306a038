namespace Ballast.Engine.Margin;

/// <summary>Market inputs of a margin calculation.</summary>
/// <param name="Spot">Spot (index) price S of the underlying in quote currency (&gt; 0).</param>
/// <param name="Rate">Continuously compounded risk-free rate per year (0.05 = 5 %).</param>
/// <param name="DividendYield">Continuous carry yield q of the underlying per year (0 for crypto spot by default).</param>
public readonly record struct MarginMarket(double Spot, double Rate, double DividendYield = 0.0);
