using Ballast.Engine.Quoting;
using Ballast.Pricing;

namespace Ballast.Engine.Greeks;

/// <summary>Per-option Greeks for the cache and the quoter: Black-Scholes-Merton with rate r and no carry (as Lyra v1).</summary>
public static class GreekCalculator
{
    /// <summary>Seconds in the 365-day year used for time to expiry (Lyra v1: 365 days).</summary>
    public const double SecondsPerYear = 365.0 * 86_400.0;

    /// <summary>Years from <paramref name="now"/> to <paramref name="expiry"/> (Unix seconds), floored at 0.</summary>
    public static double YearsToExpiry(long expiry, long now) => Math.Max(expiry - now, 0) / SecondsPerYear;

    /// <summary>
    /// Call and put Greeks at one strike from a single BSM evaluation. With no carry, put-call parity
    /// P = C − S + K·e^(−rT) gives put delta = call delta − 1, equal gamma and vega, and put theta = call theta + r·K·e^(−rT)
    /// (theta = −∂V/∂T; Hull, Options, Futures and Other Derivatives, §11.4 and §19).
    /// </summary>
    /// <param name="spot">Spot, quote units, &gt; 0.</param>
    /// <param name="strike">Strike, quote units, &gt; 0.</param>
    /// <param name="rate">Risk-free rate per year.</param>
    /// <param name="years">Time to expiry in years (≥ 0).</param>
    /// <param name="vol">Volatility per √year.</param>
    /// <param name="call">Call Greeks.</param>
    /// <param name="put">Put Greeks.</param>
    public static void Pair(double spot, double strike, double rate, double years, double vol, out UnitGreeks call, out UnitGreeks put)
    {
        var c = BlackScholesMerton.Greeks(OptionType.Call, spot, strike, rate, 0.0, years, vol);
        double discountedStrike = strike * Math.Exp(-rate * years);
        double stdVega = StandardVega.Of(c.Vega, years * 365.0);
        call = new UnitGreeks(c.Price, c.Delta, c.Gamma, c.Vega, stdVega, c.Theta);
        // Parity can round a deep-ITM call's put to a hair below zero; a price is never negative.
        put = new UnitGreeks(Math.Max(c.Price - spot + discountedStrike, 0.0), c.Delta - 1.0, c.Gamma, c.Vega, stdVega, c.Theta + rate * discountedStrike);
    }
}
