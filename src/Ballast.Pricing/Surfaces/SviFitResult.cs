namespace Ballast.Pricing.Surfaces;

/// <summary>Outcome of fitting one raw SVI slice to one expiry's implied volatilities.</summary>
/// <param name="Slice">The fitted parameters (default when <see cref="Error"/> is an input error).</param>
/// <param name="Error">Why the fit failed, or <see cref="SviFitError.None"/>.</param>
/// <param name="QuoteCount">Number of quotes fitted.</param>
/// <param name="RmseVol">Root-mean-square of fitted minus market implied vol, in vol units per √year (0.01 = 1 vol point), unweighted.</param>
/// <param name="MaxErrorVol">Largest |fitted − market| implied vol, in vol units per √year.</param>
/// <param name="Butterfly">Butterfly check of the fitted slice on the wide grid plus a fine grid around its vertex.</param>
public readonly record struct SviFitResult(SviSlice Slice, SviFitError Error, int QuoteCount, double RmseVol, double MaxErrorVol, ButterflyCheck Butterfly)
{
    /// <summary>True when a slice was fitted and is free of butterfly arbitrage on the check grid.</summary>
    public bool IsSuccess => Error == SviFitError.None;

    /// <summary>One-line human description of the outcome.</summary>
    public string Message => Error switch
    {
        SviFitError.None => "fitted",
        SviFitError.TooFewQuotes => "fewer than 5 quotes (raw SVI has 5 parameters)",
        SviFitError.NotFinite => "a log-moneyness, vol or weight is NaN or infinite",
        SviFitError.NonPositiveTime => "time to expiry must be > 0",
        SviFitError.InvalidQuote => "market vols must be > 0 and weights ≥ 0 with at least one > 0",
        SviFitError.LengthMismatch => "log-moneyness, vols and weights must have the same length",
        SviFitError.ButterflyArbitrage => $"no fit free of butterfly arbitrage found (g = {Butterfly.MinimumDensity:G3} at k = {Butterfly.AtLogMoneyness:F3})",
        _ => Error.ToString(),
    };

    internal static SviFitResult Fail(SviFitError error, int quoteCount) => new(default, error, quoteCount, 0, 0, default);
}
