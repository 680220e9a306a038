using Ballast.Engine.Parameters;

namespace Ballast.Engine.Quoting;

/// <summary>
/// Lyra v1's four trade fees as a pure function (derivexyz/v1-core <c>OptionMarketPricer</c>: <c>getTradeResult</c>,
/// <c>getTimeWeightedFee</c>, <c>getVegaUtilFee</c>, <c>getVarianceFee</c>). All results are totals for the trade
/// in quote currency; see <see cref="FeeInputs"/> for the unit of every input.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>optionPriceFee = tw(optionPriceFeeCoefficient) · premium (premium is the trade's total premium).</item>
/// <item>spotPriceFee = tw(spotPriceFeeCoefficient) · spot · amount.</item>
/// <item>tw(c) = c when T ≤ A, else c · (1 + (T − A)/(B − A)), with T the time to expiry and A, B the fee's 1x and 2x
/// points, all in seconds (T = years · 365 days). Above B the line keeps rising (Lyra does not cap it).</item>
/// <item>vegaUtilFee = vegaFeeCoefficient · vegaUtil · amount only when |post-trade net std vega| &gt;
/// |pre-trade net std vega|, with vegaUtil = newVol · |post-trade net std vega| / NAV. When NAV ≤ 0 Lyra would
/// revert (division by zero); here vegaUtil is 0 and the engine's free-liquidity/insolvency checks must block
/// risk-adding trades instead.</item>
/// <item>varianceFee = coef · (minimumStaticVega + vega · vegaCoefficient) · (minimumStaticSkewAdjustment +
/// |newSkew − referenceSkew| · skewAdjustmentCoefficient) · (minimumStaticIvVariance + ivVariance ·
/// ivVarianceCoefficient) · amount, coef = forceCloseVarianceFeeCoefficient for force closes, else
/// defaultVarianceFeeCoefficient; vega is one option's Black-Scholes vega per 1.00 vol.</item>
/// </list>
/// </remarks>
public static class FeeSchedule
{
    /// <summary>Computes the four fee components of one trade (or one piece of a split order).</summary>
    /// <param name="inputs">The trade; finite values, amount &gt; 0 (the engine validates before calling).</param>
    /// <param name="p">Fee parameters.</param>
    /// <returns>The fee components, each ≥ 0 for valid inputs.</returns>
    public static FeeBreakdown Compute(in FeeInputs inputs, VaultParameters p)
    {
        double timeToExpirySeconds = VaultParameters.YearsToSeconds(inputs.TimeToExpiryYears);

        double optionPriceFee = TimeWeightedCoefficient(p.OptionPriceFeeCoefficient, timeToExpirySeconds,
            p.OptionPriceFee1xPoint, p.OptionPriceFee2xPoint) * inputs.Premium;
        double spotPriceFee = TimeWeightedCoefficient(p.SpotPriceFeeCoefficient, timeToExpirySeconds,
            p.SpotPriceFee1xPoint, p.SpotPriceFee2xPoint) * inputs.Spot * inputs.Amount;

        return new FeeBreakdown(optionPriceFee, spotPriceFee, VegaUtilFee(inputs, p), VarianceFee(inputs, p));
    }

    /// <summary>Lyra <c>getTimeWeightedFee</c>: flat at 1x up to point A, then linear, reaching 2x at point B.</summary>
    /// <param name="coefficient">Fee coefficient at 1x.</param>
    /// <param name="timeToExpirySeconds">Time to expiry (seconds).</param>
    /// <param name="pointA">1x point (seconds).</param>
    /// <param name="pointB">2x point (seconds, &gt; pointA).</param>
    /// <returns>The time-weighted coefficient.</returns>
    public static double TimeWeightedCoefficient(double coefficient, double timeToExpirySeconds, double pointA, double pointB) =>
        timeToExpirySeconds <= pointA
            ? coefficient
            : coefficient * (1 + (timeToExpirySeconds - pointA) / (pointB - pointA));

    /// <summary>Lyra vega utilisation: newVol · |post-trade net std vega| / NAV; 0 when NAV ≤ 0.</summary>
    /// <param name="inputs">The trade.</param>
    /// <returns>Vega utilisation (dimensionless).</returns>
    public static double VegaUtilisation(in FeeInputs inputs) =>
        inputs.Nav > 0 ? inputs.NewVol * Math.Abs(inputs.PostTradeNetStdVega) / inputs.Nav : 0;

    private static double VegaUtilFee(in FeeInputs inputs, VaultParameters p)
    {
        // Lyra getVegaUtilFee: no fee unless the trade increases the vault's |net std vega|.
        if (Math.Abs(inputs.PreTradeNetStdVega) >= Math.Abs(inputs.PostTradeNetStdVega)) return 0;
        return p.VegaFeeCoefficient * VegaUtilisation(inputs) * inputs.Amount;
    }

    private static double VarianceFee(in FeeInputs inputs, VaultParameters p)
    {
        double coefficient = inputs.IsForceClose ? p.ForceCloseVarianceFeeCoefficient : p.DefaultVarianceFeeCoefficient;
        if (coefficient == 0) return 0;
        double vegaTerm = p.MinimumStaticVega + inputs.OptionVega * p.VegaCoefficient;
        double skewTerm = p.MinimumStaticSkewAdjustment + Math.Abs(inputs.NewSkew - p.ReferenceSkew) * p.SkewAdjustmentCoefficient;
        double ivVarianceTerm = p.MinimumStaticIvVariance + inputs.IvVariance * p.IvVarianceCoefficient;
        return coefficient * vegaTerm * skewTerm * ivVarianceTerm * inputs.Amount;
    }
}
