namespace Ballast.Pricing.American;

/// <summary>
/// Greeks of an approximation by central finite differences of its price function.
/// </summary>
/// <remarks>
/// Bump sizes (chosen so that truncation error O(h²) and round-off O(ε·V/h) are both ≈ 1e-8 relative
/// for prices of order the strike): spot h_S = 1e-4·S for delta and 1e-3·S for gamma (the second
/// difference divides round-off by h², so it needs the larger step); vol h_σ = 1e-4 (absolute, shrunk to
/// σ/2 for tiny vols); rates h_r = h_q = 1e-4 (absolute); time h_T = min(1e-4, T/2) years.
/// Theta is −∂V/∂T per year; vega, rho and dividend rho are per 1.00. At T = 0 the Greeks are the payoff's
/// (delta ±1 strictly in the money, else 0; all others 0). Where a bump straddles a kink of the approximation
/// (the switch to the European value at q = 0 for calls or r = 0 for puts, or S at the critical price for gamma)
/// the central difference is the average of the two one-sided derivatives.
/// </remarks>
internal static class FiniteDifferenceGreeks
{
    /// <summary>Price function of an American approximation (same argument order as <see cref="BlackScholesMerton.Price"/>).</summary>
    public delegate double PriceFunction(OptionType type, double spot, double strike, double rate, double dividendYield, double time, double vol);

    public const double RelativeSpotBumpForDelta = 1e-4;
    public const double RelativeSpotBumpForGamma = 1e-3;
    public const double VolBump = 1e-4;
    public const double RateBump = 1e-4;
    public const double TimeBump = 1e-4;

    public static OptionGreeks Compute(PriceFunction price, OptionType type, double spot, double strike, double rate, double dividendYield, double time, double vol)
    {
        double v = price(type, spot, strike, rate, dividendYield, time, vol);
        if (!(time > 0))
        {
            // At expiry the value is the payoff: no bump can straddle T = 0, and a spot bump across the kink
            // would invent a gamma. Use the payoff's one-sided limits (as the European formulas do); theta is 0.
            double sign = type == OptionType.Call ? 1.0 : -1.0;
            bool inTheMoney = sign * (spot - strike) > 0;
            return new OptionGreeks(v, inTheMoney ? sign : 0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
        }

        double hs = RelativeSpotBumpForDelta * spot;
        double delta = (price(type, spot + hs, strike, rate, dividendYield, time, vol)
                        - price(type, spot - hs, strike, rate, dividendYield, time, vol)) / (2.0 * hs);

        double hg = RelativeSpotBumpForGamma * spot;
        double gamma = (price(type, spot + hg, strike, rate, dividendYield, time, vol) - 2.0 * v
                        + price(type, spot - hg, strike, rate, dividendYield, time, vol)) / (hg * hg);

        double vega = 0.0;
        if (vol > 0)
        {
            double hv = Math.Min(VolBump, 0.5 * vol);
            vega = (price(type, spot, strike, rate, dividendYield, time, vol + hv)
                    - price(type, spot, strike, rate, dividendYield, time, vol - hv)) / (2.0 * hv);
        }

        double ht = Math.Min(TimeBump, 0.5 * time);
        double theta = -(price(type, spot, strike, rate, dividendYield, time + ht, vol)
                         - price(type, spot, strike, rate, dividendYield, time - ht, vol)) / (2.0 * ht);

        double rho = (price(type, spot, strike, rate + RateBump, dividendYield, time, vol)
                      - price(type, spot, strike, rate - RateBump, dividendYield, time, vol)) / (2.0 * RateBump);
        double dividendRho = (price(type, spot, strike, rate, dividendYield + RateBump, time, vol)
                              - price(type, spot, strike, rate, dividendYield - RateBump, time, vol)) / (2.0 * RateBump);
        return new OptionGreeks(v, delta, gamma, vega, theta, rho, dividendRho);
    }
}
