namespace Ballast.Engine.Quoting;

/// <summary>
/// Lyra v1's "standard vega": vega rescaled to a 30-day equivalent so that vega of different expiries can be netted,
/// stdVega = vega · √(30 / max(days, 7)) / 100 (derivexyz/v1-core <c>libraries/BlackScholes.sol</c>,
/// <c>_standardVega</c>/<c>_getVegaNormalisationFactorPrecise</c>, <c>VEGA_STANDARDISATION_MIN_DAYS</c> = 7 days).
/// The /100 turns "per 1.00 vol" into "per vol point"; the √(30/days) reflects that short-dated implied vol moves
/// more than long-dated (roughly ∝ 1/√T), and the 7-day floor stops the factor exploding near expiry.
/// </summary>
/// <remarks>Days are fractional here; one Lyra version floors to whole days, a later one keeps fractions.</remarks>
public static class StandardVega
{
    /// <summary>Days below which the normalisation stops growing (Lyra VEGA_STANDARDISATION_MIN_DAYS).</summary>
    public const double MinimumDays = 7;

    /// <summary>Standard vega of <paramref name="vega"/>.</summary>
    /// <param name="vega">Vega per 1.00 of vol (quote currency), of one option or of a position.</param>
    /// <param name="daysToExpiry">Days to expiry (fractional, ≥ 0).</param>
    /// <returns>Standard vega in quote currency per vol point (30-day equivalent).</returns>
    public static double Of(double vega, double daysToExpiry) =>
        vega * Math.Sqrt(30 / Math.Max(daysToExpiry, MinimumDays)) / 100;

    /// <summary>Standard vega with the time to expiry in years of 365 days.</summary>
    /// <param name="vega">Vega per 1.00 of vol (quote currency).</param>
    /// <param name="timeToExpiryYears">Years to expiry.</param>
    /// <returns>Standard vega in quote currency per vol point.</returns>
    public static double OfYears(double vega, double timeToExpiryYears) => Of(vega, timeToExpiryYears * 365);
}
