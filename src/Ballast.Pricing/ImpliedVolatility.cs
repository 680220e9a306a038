using Ballast.Pricing.Volatility;

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
/// Implied Black / Black-Scholes volatility from an option price, to full double precision across the whole
/// domain (deep in/out of the money, very short and very long expiries) with P. Jäckel's "Let's Be Rational"
/// (Wilmott 2015; see <see cref="LetsBeRational"/>): a rational-cubic initial guess and two Householder(3) steps.
/// </summary>
/// <remarks>
/// Prices outside the no-arbitrage bounds are a typed rejection (<see cref="ImpliedVolError"/>), never NaN or an
/// exception. A price equal to the intrinsic value gives vol 0.
/// </remarks>
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
        // The bounds are checked on the discounted price against the discounted bounds, so that a quote of exactly
        // e^(−rT)·intrinsic (or e^(−rT)·maximum) is classified as such whatever the rounding of un-discounting.
        double discount = Math.Exp(-rate * time);
        LetsBeRational.NoArbitrageBounds(type, forward, strike, out double intrinsic, out double maximum);

        double discountedIntrinsic = discount * intrinsic;
        if (price < discountedIntrinsic) return ImpliedVolResult.Fail(ImpliedVolError.PriceBelowIntrinsic);
        if (price >= discount * maximum) return ImpliedVolResult.Fail(ImpliedVolError.PriceAboveMaximum);
        if (price == discountedIntrinsic) return new ImpliedVolResult(0.0, ImpliedVolError.None);
        // Un-discounting may round the price a hair below intrinsic (zero time value, not an arbitrage) or up to the
        // maximum (no finite vol reproduces it).
        double undiscounted = price / discount;
        if (undiscounted >= maximum) return ImpliedVolResult.Fail(ImpliedVolError.PriceAboveMaximum);
        double timeValue = undiscounted - intrinsic;
        if (!(timeValue > 0)) return new ImpliedVolResult(0.0, ImpliedVolError.None);
        double totalVol = LetsBeRational.TotalVolFromTimeValue(timeValue, forward, strike);
        if (double.IsPositiveInfinity(totalVol)) return ImpliedVolResult.Fail(ImpliedVolError.PriceAboveMaximum);
        return new ImpliedVolResult(totalVol / Math.Sqrt(time), ImpliedVolError.None);
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
        if (!double.IsFinite(price) || !double.IsFinite(spot) || !double.IsFinite(strike) || !double.IsFinite(rate)
            || !double.IsFinite(dividendYield) || !double.IsFinite(time))
            return ImpliedVolResult.Fail(ImpliedVolError.NotFinite);
        if (!(spot > 0) || !(strike > 0)) return ImpliedVolResult.Fail(ImpliedVolError.NonPositiveUnderlyingOrStrike);
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
        if (!double.IsFinite(undiscountedPrice) || !double.IsFinite(forward) || !double.IsFinite(strike) || !double.IsFinite(time))
            return ImpliedVolResult.Fail(ImpliedVolError.NotFinite);
        if (!(forward > 0) || !(strike > 0)) return ImpliedVolResult.Fail(ImpliedVolError.NonPositiveUnderlyingOrStrike);
        if (!(time > 0)) return ImpliedVolResult.Fail(ImpliedVolError.NonPositiveTime);
        ImpliedVolError error = LetsBeRational.TryImpliedTotalVolatility(type, undiscountedPrice, forward, strike, out double totalVol);
        if (error != ImpliedVolError.None) return ImpliedVolResult.Fail(error);
        return new ImpliedVolResult(totalVol / Math.Sqrt(time), ImpliedVolError.None);
    }

    /// <summary>
    /// Implied Black-76 volatilities for a batch of options (struct of arrays); allocates nothing.
    /// Element i is solved exactly as the scalar <see cref="ForBlack76(OptionType, double, double, double, double, double)"/>.
    /// </summary>
    /// <param name="types">Call or put per option.</param>
    /// <param name="prices">Discounted option prices (price currency).</param>
    /// <param name="forwards">Forwards F &gt; 0.</param>
    /// <param name="strikes">Strikes K &gt; 0.</param>
    /// <param name="rates">Discount rates r per year.</param>
    /// <param name="times">Times to expiry T &gt; 0 in years.</param>
    /// <param name="vols">Receives the implied vols per √year; NaN where <paramref name="errors"/> is not <see cref="ImpliedVolError.None"/>.</param>
    /// <param name="errors">Receives the per-element outcome.</param>
    /// <exception cref="ArgumentException">The spans differ in length (a programming error).</exception>
    public static void ForBlack76(
        ReadOnlySpan<OptionType> types,
        ReadOnlySpan<double> prices,
        ReadOnlySpan<double> forwards,
        ReadOnlySpan<double> strikes,
        ReadOnlySpan<double> rates,
        ReadOnlySpan<double> times,
        Span<double> vols,
        Span<ImpliedVolError> errors)
    {
        int n = types.Length;
        if (prices.Length != n || forwards.Length != n || strikes.Length != n || rates.Length != n || times.Length != n
            || vols.Length != n || errors.Length != n)
        {
            throw new ArgumentException("all spans of a batch implied-vol call must have the same length");
        }

        for (int i = 0; i < n; i++)
        {
            ImpliedVolResult result = ForBlack76(types[i], prices[i], forwards[i], strikes[i], rates[i], times[i]);
            vols[i] = result.Vol;
            errors[i] = result.Error;
        }
    }
}
