namespace Ballast.Pricing;

/// <summary>
/// Generalized Black-Scholes-Merton model for European options on an asset paying a continuous
/// yield q (dividend yield, foreign rate, or any cost-of-carry adjustment b = r − q).
/// </summary>
/// <remarks>
/// Formulas: Haug, <i>The Complete Guide to Option Pricing Formulas</i> (2nd ed., 2007), §1.1.6,
/// written here in terms of q: c = S e^(−qT) Φ(d1) − K e^(−rT) Φ(d2), p = K e^(−rT) Φ(−d2) − S e^(−qT) Φ(−d1),
/// d1 = (ln(S/K) + (r − q + σ²/2)T)/(σ√T), d2 = d1 − σ√T.
/// Units: rates and vol are annualised decimals (0.05 = 5%), time in years.
/// Inputs are not validated here (hot path); callers validate at the boundary (see <see cref="PricingInputs"/>).
/// At T = 0 or σ = 0 the price is the discounted intrinsic value of the forward and the Greeks are
/// their limits (delta a step function, gamma and vega zero).
/// </remarks>
public static class BlackScholesMerton
{
    /// <summary>Present value of a European option (price currency per unit of underlying).</summary>
    /// <param name="type">Call or put.</param>
    /// <param name="spot">Spot price S &gt; 0.</param>
    /// <param name="strike">Strike K &gt; 0.</param>
    /// <param name="rate">Continuously compounded risk-free rate r per year.</param>
    /// <param name="dividendYield">Continuous dividend/carry yield q per year.</param>
    /// <param name="time">Time to expiry T in years (≥ 0).</param>
    /// <param name="vol">Black-Scholes volatility σ per √year (≥ 0).</param>
    public static double Price(OptionType type, double spot, double strike, double rate, double dividendYield, double time, double vol)
    {
        double dq = Math.Exp(-dividendYield * time);
        double dr = Math.Exp(-rate * time);
        return Black76.UndiscountedPrice(type, spot * dq / dr, strike, time, vol) * dr;
    }

    /// <summary>Price and all first-order Greeks of a European option (see <see cref="OptionGreeks"/> for units).</summary>
    /// <param name="type">Call or put.</param>
    /// <param name="spot">Spot price S &gt; 0.</param>
    /// <param name="strike">Strike K &gt; 0.</param>
    /// <param name="rate">Continuously compounded risk-free rate r per year.</param>
    /// <param name="dividendYield">Continuous dividend/carry yield q per year.</param>
    /// <param name="time">Time to expiry T in years (≥ 0).</param>
    /// <param name="vol">Black-Scholes volatility σ per √year (≥ 0).</param>
    public static OptionGreeks Greeks(OptionType type, double spot, double strike, double rate, double dividendYield, double time, double vol)
    {
        double dq = Math.Exp(-dividendYield * time);
        double dr = Math.Exp(-rate * time);
        double sqrtT = Math.Sqrt(time);
        double sigmaRootT = vol * sqrtT;
        double sign = type == OptionType.Call ? 1.0 : -1.0;

        if (!(sigmaRootT > 0))
        {
            // Degenerate limit: the option is worth its discounted forward intrinsic value.
            double forward = spot * dq / dr;
            bool inTheMoney = sign * (forward - strike) > 0;
            double price = inTheMoney ? sign * (spot * dq - strike * dr) : 0.0;
            double delta = inTheMoney ? sign * dq : 0.0;
            return new OptionGreeks(
                price,
                delta,
                0.0,
                0.0,
                inTheMoney ? sign * (dividendYield * spot * dq - rate * strike * dr) : 0.0,
                inTheMoney ? sign * strike * time * dr : 0.0,
                inTheMoney ? -sign * spot * time * dq : 0.0);
        }

        double d1 = (Math.Log(spot / strike) + (rate - dividendYield) * time) / sigmaRootT + 0.5 * sigmaRootT;
        double d2 = d1 - sigmaRootT;
        double nd1 = Normal.Cdf(sign * d1);
        double nd2 = Normal.Cdf(sign * d2);
        double pdf = Normal.Pdf(d1);
        double spotDq = spot * dq;
        double strikeDr = strike * dr;

        // Floored at the discounted forward intrinsic value, which the exact price never falls below: far out of
        // the money both terms are subnormal and their difference can otherwise round to −5e-324 (as in Black76).
        double priceValue = Math.Max(sign * (spotDq * nd1 - strikeDr * nd2), Math.Max(sign * (spotDq - strikeDr), 0.0));
        double deltaValue = sign * dq * nd1;
        double gamma = dq * pdf / (spot * sigmaRootT);
        double vega = spotDq * pdf * sqrtT;
        // Theta = −∂V/∂T (Haug 2007, §2.1.7 generalised with q).
        double theta = -spotDq * pdf * vol / (2.0 * sqrtT)
                       + sign * (dividendYield * spotDq * nd1 - rate * strikeDr * nd2);
        double rho = sign * strikeDr * time * nd2;
        double dividendRho = -sign * time * spotDq * nd1;
        return new OptionGreeks(priceValue, deltaValue, gamma, vega, theta, rho, dividendRho);
    }
}
