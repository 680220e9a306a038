using Ballast.Pricing;

namespace Ballast.Engine.Margin;

/// <summary>One European option position of a trader account, as the margin engine sees it.</summary>
/// <param name="Type">Call or put.</param>
/// <param name="Strike">Strike K in quote currency per unit of underlying (&gt; 0).</param>
/// <param name="TimeToExpiryYears">Time to expiry T in years (365-day year, &gt; 0). Positions with bit-identical T share an expiry.</param>
/// <param name="Quantity">Options held, in units of underlying: positive long, negative short (trader's side).</param>
/// <param name="Mark">Mark price of ONE option in quote currency (≥ 0); standard margin and account equity use it.</param>
/// <param name="Vol">Black-Scholes volatility for this strike and expiry, annualised (0.6 = 60 %, &gt; 0); portfolio scenarios shock it.</param>
public readonly record struct MarginPosition(OptionType Type, double Strike, double TimeToExpiryYears, double Quantity, double Mark, double Vol)
{
    /// <summary>Position value at mark, quote currency: Quantity × Mark (negative for shorts).</summary>
    public double Value => Quantity * Mark;

    /// <summary>The same option with the quantity scaled by <paramref name="factor"/> (used by partial liquidations).</summary>
    public MarginPosition Scaled(double factor) => this with { Quantity = Quantity * factor };
}
