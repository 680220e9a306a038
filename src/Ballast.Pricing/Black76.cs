namespace Ballast.Pricing;

/// <summary>
/// Black (1976) model for European options on a forward or futures price F.
/// </summary>
/// <remarks>
/// c = e^(−rT)[F Φ(d1) − K Φ(d2)], p = e^(−rT)[K Φ(−d2) − F Φ(−d1)], d1 = (ln(F/K) + σ²T/2)/(σ√T), d2 = d1 − σ√T
/// (Black, "The pricing of commodity contracts", J. Financial Economics 3 (1976); Haug 2007 §1.1.2).
/// Greeks are with respect to the forward F; rho is the sensitivity to the discount rate with F held fixed.
/// Units: rate and vol annualised decimals, time in years. Inputs are not validated here (hot path).
/// </remarks>
public static class Black76
{
    /// <summary>Present value of a European option on a forward (price currency per unit of underlying).</summary>
    /// <param name="type">Call or put.</param>
    /// <param name="forward">Forward price F &gt; 0 for the option's expiry.</param>
    /// <param name="strike">Strike K &gt; 0.</param>
    /// <param name="rate">Continuously compounded discount rate r per year.</param>
    /// <param name="time">Time to expiry T in years (≥ 0).</param>
    /// <param name="vol">Black volatility σ per √year (≥ 0).</param>
    public static double Price(OptionType type, double forward, double strike, double rate, double time, double vol)
        => Math.Exp(-rate * time) * UndiscountedPrice(type, forward, strike, time, vol);

    /// <summary>Undiscounted Black price E[(±(F_T − K))⁺] of a European option on a forward.</summary>
    /// <param name="type">Call or put.</param>
    /// <param name="forward">Forward price F &gt; 0.</param>
    /// <param name="strike">Strike K &gt; 0.</param>
    /// <param name="time">Time to expiry T in years (≥ 0).</param>
    /// <param name="vol">Black volatility σ per √year (≥ 0).</param>
    public static double UndiscountedPrice(OptionType type, double forward, double strike, double time, double vol)
    {
        double sign = type == OptionType.Call ? 1.0 : -1.0;
        double sigmaRootT = vol * Math.Sqrt(time);
        if (!(sigmaRootT > 0))
        {
            return Math.Max(sign * (forward - strike), 0.0);
        }

        double d1 = Math.Log(forward / strike) / sigmaRootT + 0.5 * sigmaRootT;
        double d2 = d1 - sigmaRootT;
        // Far out of the money both terms are subnormal and their difference can round below zero (−5e-324);
        // the exact value is never below the intrinsic value max(±(F − K), 0), so floor the rounding there.
        return Math.Max(sign * (forward * Normal.Cdf(sign * d1) - strike * Normal.Cdf(sign * d2)), Math.Max(sign * (forward - strike), 0.0));
    }

    /// <summary>Price and first-order Greeks with respect to the forward (see <see cref="OptionGreeks"/> for units; DividendRho is zero).</summary>
    /// <param name="type">Call or put.</param>
    /// <param name="forward">Forward price F &gt; 0.</param>
    /// <param name="strike">Strike K &gt; 0.</param>
    /// <param name="rate">Continuously compounded discount rate r per year.</param>
    /// <param name="time">Time to expiry T in years (≥ 0).</param>
    /// <param name="vol">Black volatility σ per √year (≥ 0).</param>
    public static OptionGreeks Greeks(OptionType type, double forward, double strike, double rate, double time, double vol)
    {
        double dr = Math.Exp(-rate * time);
        double sign = type == OptionType.Call ? 1.0 : -1.0;
        double sqrtT = Math.Sqrt(time);
        double sigmaRootT = vol * sqrtT;
        if (!(sigmaRootT > 0))
        {
            bool inTheMoney = sign * (forward - strike) > 0;
            double intrinsic = inTheMoney ? sign * (forward - strike) : 0.0;
            return new OptionGreeks(dr * intrinsic, inTheMoney ? sign * dr : 0.0, 0.0, 0.0,
                rate * dr * intrinsic, -time * dr * intrinsic, 0.0);
        }

        double d1 = Math.Log(forward / strike) / sigmaRootT + 0.5 * sigmaRootT;
        double d2 = d1 - sigmaRootT;
        double nd1 = Normal.Cdf(sign * d1);
        double nd2 = Normal.Cdf(sign * d2);
        double pdf = Normal.Pdf(d1);
        // Floored at the intrinsic value as in UndiscountedPrice (only rounding of subnormal terms is affected).
        double undiscounted = Math.Max(sign * (forward * nd1 - strike * nd2), Math.Max(sign * (forward - strike), 0.0));
        double price = dr * undiscounted;
        double delta = sign * dr * nd1;
        double gamma = dr * pdf / (forward * sigmaRootT);
        double vega = dr * forward * pdf * sqrtT;
        // −∂V/∂T with F fixed: rV − e^(−rT)·F·n(d1)·σ/(2√T).
        double theta = rate * price - dr * forward * pdf * vol / (2.0 * sqrtT);
        double rho = -time * price;
        return new OptionGreeks(price, delta, gamma, vega, theta, rho, 0.0);
    }
}
