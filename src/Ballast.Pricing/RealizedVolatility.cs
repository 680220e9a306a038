namespace Ballast.Pricing;

/// <summary>Why a realized volatility could not be estimated.</summary>
public enum RealizedVolError
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>Too few observations for the estimator (see each method for its minimum).</summary>
    TooFewObservations,

    /// <summary>A price is NaN or infinite.</summary>
    NotFinite,

    /// <summary>A price is zero or negative (log-returns are undefined).</summary>
    NonPositivePrice,

    /// <summary>The open/high/low/close series have different lengths.</summary>
    LengthMismatch,

    /// <summary>A bar's high is below its low, open or close, or its low above its open or close.</summary>
    InconsistentBar,

    /// <summary>Periods per year is not finite and strictly positive.</summary>
    InvalidPeriodsPerYear,

    /// <summary>The EWMA decay λ is not in (0, 1).</summary>
    InvalidDecay,
}

/// <summary>Outcome of a realized-volatility estimate.</summary>
/// <param name="Vol">Annualised volatility per √year when <see cref="Error"/> is <see cref="RealizedVolError.None"/>; 0 otherwise.</param>
/// <param name="Error">Why the estimate failed.</param>
/// <param name="Index">Index of the offending observation for per-observation errors, else −1.</param>
public readonly record struct RealizedVolResult(double Vol, RealizedVolError Error, int Index = -1)
{
    /// <summary>True when an estimate was produced.</summary>
    public bool IsSuccess => Error == RealizedVolError.None;

    /// <summary>One-line human description.</summary>
    public string Message => Error switch
    {
        RealizedVolError.None => $"vol {Vol:R}",
        RealizedVolError.TooFewObservations => "too few observations for this estimator",
        RealizedVolError.NotFinite => $"price at index {Index} is NaN or infinite",
        RealizedVolError.NonPositivePrice => $"price at index {Index} is not > 0",
        RealizedVolError.LengthMismatch => "open, high, low and close series must have the same length",
        RealizedVolError.InconsistentBar => $"bar {Index} has high < max(open, close, low) or low > min(open, close)",
        RealizedVolError.InvalidPeriodsPerYear => "periods per year must be finite and > 0",
        RealizedVolError.InvalidDecay => "EWMA decay λ must be in (0, 1)",
        _ => Error.ToString(),
    };

    internal static RealizedVolResult Fail(RealizedVolError error, int index = -1) => new(0, error, index);
}

/// <summary>
/// Historical (realized) volatility estimators over price series. Each returns the per-period standard deviation of
/// log-returns scaled by √(periodsPerYear): e.g. 365 for daily crypto bars, 252 for daily equity bars, 8760 for hourly
/// crypto bars. Allocation-free; series are oldest first.
/// </summary>
public static class RealizedVolatility
{
    /// <summary>RiskMetrics' decay factor for daily data (J.P. Morgan/Reuters, RiskMetrics Technical Document, 4th ed. 1996, §5.3.2).</summary>
    public const double RiskMetricsDailyDecay = 0.94;

    /// <summary>
    /// Close-to-close estimator: the sample standard deviation (n − 1 denominator) of log-returns rᵢ = ln(Cᵢ/Cᵢ₋₁),
    /// annualised (J. C. Hull, Options, Futures, and Other Derivatives, 10th ed., §15.4). Needs ≥ 3 closes.
    /// </summary>
    /// <param name="closes">Closing prices, oldest first, all &gt; 0.</param>
    /// <param name="periodsPerYear">Bars per year used to annualise.</param>
    public static RealizedVolResult CloseToClose(ReadOnlySpan<double> closes, double periodsPerYear)
    {
        var invalid = CheckPrices(closes, 3, periodsPerYear);
        if (!invalid.IsSuccess) return invalid;
        int n = closes.Length - 1;
        double mean = 0;
        for (int i = 1; i < closes.Length; i++) mean += Math.Log(closes[i] / closes[i - 1]);
        mean /= n;
        double sum = 0;
        for (int i = 1; i < closes.Length; i++)
        {
            double d = Math.Log(closes[i] / closes[i - 1]) - mean;
            sum += d * d;
        }

        return new RealizedVolResult(Math.Sqrt(sum / (n - 1) * periodsPerYear), RealizedVolError.None);
    }

    /// <summary>
    /// Exponentially weighted moving average of squared log-returns (RiskMetrics Technical Document, 1996, §5.2.1,
    /// eq. 5.3, zero-mean returns): σ²ₜ = λσ²ₜ₋₁ + (1 − λ)r²ₜ, seeded with σ²₁ = r²₁. Returns the volatility after the
    /// last return (RiskMetrics' one-period forecast), annualised. Needs ≥ 2 closes.
    /// </summary>
    /// <param name="closes">Closing prices, oldest first, all &gt; 0.</param>
    /// <param name="periodsPerYear">Bars per year used to annualise.</param>
    /// <param name="decay">Decay λ ∈ (0, 1); RiskMetrics uses 0.94 for daily and 0.97 for monthly data.</param>
    public static RealizedVolResult Ewma(ReadOnlySpan<double> closes, double periodsPerYear, double decay = RiskMetricsDailyDecay)
    {
        if (!(decay > 0 && decay < 1)) return RealizedVolResult.Fail(RealizedVolError.InvalidDecay);
        var invalid = CheckPrices(closes, 2, periodsPerYear);
        if (!invalid.IsSuccess) return invalid;
        double first = Math.Log(closes[1] / closes[0]);
        double variance = first * first;
        for (int i = 2; i < closes.Length; i++)
        {
            double r = Math.Log(closes[i] / closes[i - 1]);
            variance = decay * variance + (1 - decay) * r * r;
        }

        return new RealizedVolResult(Math.Sqrt(variance * periodsPerYear), RealizedVolError.None);
    }

    /// <summary>
    /// Parkinson high-low estimator: σ² = (1/(4n ln 2))·Σ ln(Hᵢ/Lᵢ)² (M. Parkinson, "The extreme value method for
    /// estimating the variance of the rate of return", Journal of Business 53(1), 1980, eq. 2). Assumes zero drift and
    /// continuous trading; needs ≥ 1 bar.
    /// </summary>
    /// <param name="highs">Bar highs, all &gt; 0.</param>
    /// <param name="lows">Bar lows, all &gt; 0 and ≤ the matching high.</param>
    /// <param name="periodsPerYear">Bars per year used to annualise.</param>
    public static RealizedVolResult Parkinson(ReadOnlySpan<double> highs, ReadOnlySpan<double> lows, double periodsPerYear)
    {
        if (highs.Length != lows.Length) return RealizedVolResult.Fail(RealizedVolError.LengthMismatch);
        var invalid = CheckPrices(highs, 1, periodsPerYear);
        if (invalid.IsSuccess) invalid = CheckPrices(lows, 1, periodsPerYear);
        if (!invalid.IsSuccess) return invalid;
        double sum = 0;
        for (int i = 0; i < highs.Length; i++)
        {
            if (highs[i] < lows[i]) return RealizedVolResult.Fail(RealizedVolError.InconsistentBar, i);
            double range = Math.Log(highs[i] / lows[i]);
            sum += range * range;
        }

        double variance = sum / (4 * highs.Length * Math.Log(2));
        return new RealizedVolResult(Math.Sqrt(variance * periodsPerYear), RealizedVolError.None);
    }

    /// <summary>
    /// Garman-Klass estimator: σ² = (1/n)·Σ [½ ln(Hᵢ/Lᵢ)² − (2 ln 2 − 1)·ln(Cᵢ/Oᵢ)²] (M. B. Garman, M. J. Klass, "On the
    /// estimation of security price volatilities from historical data", Journal of Business 53(1), 1980, the
    /// "practical" estimator σ̂₅ without opening jumps). Needs ≥ 1 bar; a negative sum (possible on few bars) is
    /// reported as a volatility of 0.
    /// </summary>
    /// <param name="opens">Bar opens, all &gt; 0.</param>
    /// <param name="highs">Bar highs, ≥ open, close and low.</param>
    /// <param name="lows">Bar lows, ≤ open and close.</param>
    /// <param name="closes">Bar closes, all &gt; 0.</param>
    /// <param name="periodsPerYear">Bars per year used to annualise.</param>
    public static RealizedVolResult GarmanKlass(ReadOnlySpan<double> opens, ReadOnlySpan<double> highs, ReadOnlySpan<double> lows, ReadOnlySpan<double> closes, double periodsPerYear)
    {
        if (opens.Length != highs.Length || lows.Length != highs.Length || closes.Length != highs.Length)
            return RealizedVolResult.Fail(RealizedVolError.LengthMismatch);
        var invalid = CheckPrices(opens, 1, periodsPerYear);
        if (invalid.IsSuccess) invalid = CheckPrices(highs, 1, periodsPerYear);
        if (invalid.IsSuccess) invalid = CheckPrices(lows, 1, periodsPerYear);
        if (invalid.IsSuccess) invalid = CheckPrices(closes, 1, periodsPerYear);
        if (!invalid.IsSuccess) return invalid;

        double sum = 0;
        double closeOpenWeight = 2 * Math.Log(2) - 1;
        for (int i = 0; i < opens.Length; i++)
        {
            double high = highs[i], low = lows[i];
            if (high < Math.Max(opens[i], closes[i]) || low > Math.Min(opens[i], closes[i]) || high < low)
                return RealizedVolResult.Fail(RealizedVolError.InconsistentBar, i);
            double range = Math.Log(high / low), body = Math.Log(closes[i] / opens[i]);
            sum += 0.5 * range * range - closeOpenWeight * body * body;
        }

        double variance = Math.Max(sum / opens.Length, 0);
        return new RealizedVolResult(Math.Sqrt(variance * periodsPerYear), RealizedVolError.None);
    }

    private static RealizedVolResult CheckPrices(ReadOnlySpan<double> prices, int minimum, double periodsPerYear)
    {
        if (!(double.IsFinite(periodsPerYear) && periodsPerYear > 0)) return RealizedVolResult.Fail(RealizedVolError.InvalidPeriodsPerYear);
        if (prices.Length < minimum) return RealizedVolResult.Fail(RealizedVolError.TooFewObservations);
        for (int i = 0; i < prices.Length; i++)
        {
            if (!double.IsFinite(prices[i])) return RealizedVolResult.Fail(RealizedVolError.NotFinite, i);
            if (!(prices[i] > 0)) return RealizedVolResult.Fail(RealizedVolError.NonPositivePrice, i);
        }

        return new RealizedVolResult(0, RealizedVolError.None);
    }
}
