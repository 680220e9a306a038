namespace Ballast.Pricing;

/// <summary>Why an implied volatility could not be found.</summary>
public enum ImpliedVolError
{
    /// <summary>No error: the volatility was found.</summary>
    None = 0,

    /// <summary>An input was NaN or infinite.</summary>
    NotFinite,

    /// <summary>Spot/forward or strike was not strictly positive.</summary>
    NonPositiveUnderlyingOrStrike,

    /// <summary>Time to expiry was not strictly positive.</summary>
    NonPositiveTime,

    /// <summary>The price is below the option's discounted intrinsic value (no-arbitrage lower bound).</summary>
    PriceBelowIntrinsic,

    /// <summary>The price is at or above the no-arbitrage upper bound (forward for calls, strike for puts, discounted).</summary>
    PriceAboveMaximum,
}

/// <summary>Outcome of an implied-volatility solve: a volatility, or a typed reason why none exists.</summary>
/// <param name="Vol">Implied Black volatility per √year when <see cref="Error"/> is <see cref="ImpliedVolError.None"/>; NaN otherwise.</param>
/// <param name="Error">Reason for failure, or <see cref="ImpliedVolError.None"/>.</param>
public readonly record struct ImpliedVolResult(double Vol, ImpliedVolError Error)
{
    /// <summary>True when a volatility was found.</summary>
    public bool IsSuccess => Error == ImpliedVolError.None;

    /// <summary>One-line human description of the outcome.</summary>
    public string Message => Error switch
    {
        ImpliedVolError.None => $"vol {Vol:R}",
        ImpliedVolError.NotFinite => "an input is NaN or infinite",
        ImpliedVolError.NonPositiveUnderlyingOrStrike => "spot/forward and strike must be > 0",
        ImpliedVolError.NonPositiveTime => "time to expiry must be > 0",
        ImpliedVolError.PriceBelowIntrinsic => "price is below the discounted intrinsic value (no implied vol exists)",
        ImpliedVolError.PriceAboveMaximum => "price is at or above the no-arbitrage maximum (no implied vol exists)",
        _ => Error.ToString(),
    };

    internal static ImpliedVolResult Fail(ImpliedVolError error) => new(double.NaN, error);
}

/// <summary>
/// Implied Black / Black-Scholes volatility from an option price.
/// </summary>
public static class ImpliedVolatility
{
    /// <summary>Implied Black-76 volatility of a European option on a forward.</summary>
    /// <param name="type">Call or put.</param>
    /// <param name="price">Discounted option price (price currency).</param>
    /// <param name="forward">Forward price F &gt; 0.</param>
    /// <param name="strike">Strike K &gt; 0.</param>
    /// <param name="rate">Discount rate r per year.</param>
    /// <param name="time">Time to expiry T &gt; 0 in years.</param>
    public static ImpliedVolResult ForBlack76(OptionType type, double price, double forward, double strike, double rate, double time)
    {
        if (!double.IsFinite(price) || !double.IsFinite(forward) || !double.IsFinite(strike) || !double.IsFinite(rate) || !double.IsFinite(time))
            return ImpliedVolResult.Fail(ImpliedVolError.NotFinite);
        if (!(forward > 0) || !(strike > 0)) return ImpliedVolResult.Fail(ImpliedVolError.NonPositiveUnderlyingOrStrike);
        if (!(time > 0)) return ImpliedVolResult.Fail(ImpliedVolError.NonPositiveTime);
        double undiscounted = price * Math.Exp(rate * time);
        return FromUndiscounted(type, undiscounted, forward, strike, time);
    }

    /// <summary>Implied Black-Scholes-Merton volatility of a European option on a spot asset with continuous yield q.</summary>
    /// <param name="type">Call or put.</param>
    /// <param name="price">Option price (price currency).</param>
    /// <param name="spot">Spot price S &gt; 0.</param>
    /// <param name="strike">Strike K &gt; 0.</param>
    /// <param name="rate">Risk-free rate r per year.</param>
    /// <param name="dividendYield">Dividend/carry yield q per year.</param>
    /// <param name="time">Time to expiry T &gt; 0 in years.</param>
    public static ImpliedVolResult ForBlackScholes(OptionType type, double price, double spot, double strike, double rate, double dividendYield, double time)
    {
        if (!double.IsFinite(dividendYield) || !double.IsFinite(spot) || !double.IsFinite(rate) || !double.IsFinite(time))
            return ImpliedVolResult.Fail(ImpliedVolError.NotFinite);
        if (!(time > 0)) return ImpliedVolResult.Fail(ImpliedVolError.NonPositiveTime);
        double forward = spot * Math.Exp((rate - dividendYield) * time);
        return ForBlack76(type, price, forward, strike, rate, time);
    }

    /// <summary>Implied volatility from an undiscounted Black price.</summary>
    /// <param name="type">Call or put.</param>
    /// <param name="undiscountedPrice">Undiscounted price E[(±(F_T − K))⁺].</param>
    /// <param name="forward">Forward F &gt; 0.</param>
    /// <param name="strike">Strike K &gt; 0.</param>
    /// <param name="time">Time to expiry T &gt; 0 in years.</param>
    public static ImpliedVolResult FromUndiscounted(OptionType type, double undiscountedPrice, double forward, double strike, double time)
    {
        if (!double.IsFinite(undiscountedPrice)) return ImpliedVolResult.Fail(ImpliedVolError.NotFinite);
        double sign = type == OptionType.Call ? 1.0 : -1.0;
        double intrinsic = Math.Max(sign * (forward - strike), 0.0);
        double maximum = type == OptionType.Call ? forward : strike;
        if (undiscountedPrice < intrinsic) return ImpliedVolResult.Fail(ImpliedVolError.PriceBelowIntrinsic);
        if (undiscountedPrice >= maximum) return ImpliedVolResult.Fail(ImpliedVolError.PriceAboveMaximum);
        if (undiscountedPrice == intrinsic) return new ImpliedVolResult(0.0, ImpliedVolError.None);

        // Safeguarded Newton on total volatility s = σ√T: the price is increasing in s, so a bracket
        // [lo, hi] is kept and any Newton step that leaves it is replaced by bisection.
        double lo = 0.0, hi = 1.0;
        while (Pricing.Black76.UndiscountedPrice(type, forward, strike, 1.0, hi) < undiscountedPrice && hi < 1e3) hi *= 2.0;
        double s = 0.5 * (lo + hi);
        double lnFk = Math.Log(forward / strike);
        for (int i = 0; i < 200; i++)
        {
            double value = Pricing.Black76.UndiscountedPrice(type, forward, strike, 1.0, s) - undiscountedPrice;
            if (value > 0) hi = s; else lo = s;
            double d1 = lnFk / s + 0.5 * s;
            double vega = forward * Normal.Pdf(d1);
            double next = vega > 0 ? s - value / vega : double.NaN;
            if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
            if (Math.Abs(next - s) <= 1e-15 * s || hi - lo <= 1e-16 * hi) { s = next; break; }
            s = next;
        }

        return new ImpliedVolResult(s / Math.Sqrt(time), ImpliedVolError.None);
    }
}
