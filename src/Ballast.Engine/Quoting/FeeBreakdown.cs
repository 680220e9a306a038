namespace Ballast.Engine.Quoting;

/// <summary>The Lyra v1 fee components of one trade, each in quote currency (total for the trade, not per option).</summary>
/// <param name="OptionPriceFee">tw(optionPriceFeeCoefficient) · premium.</param>
/// <param name="SpotPriceFee">tw(spotPriceFeeCoefficient) · spot · amount.</param>
/// <param name="VegaUtilFee">vegaFeeCoefficient · vegaUtil · amount when the trade raises |net std vega|, else 0.</param>
/// <param name="VarianceFee">coefficient · vega term · skew term · IV-variance term · amount.</param>
public readonly record struct FeeBreakdown(double OptionPriceFee, double SpotPriceFee, double VegaUtilFee, double VarianceFee)
{
    /// <summary>Sum of the four components (quote currency). Lyra caps a sell's fees at the premium; that cap belongs
    /// to the quote (total = max(premium − fees, 0)), not here.</summary>
    public double Total => OptionPriceFee + SpotPriceFee + VegaUtilFee + VarianceFee;

    /// <summary>Component-wise sum, e.g. over the pieces of a split order.</summary>
    /// <param name="a">First breakdown.</param>
    /// <param name="b">Second breakdown.</param>
    /// <returns>The component-wise sum.</returns>
    public static FeeBreakdown operator +(FeeBreakdown a, FeeBreakdown b) => new(
        a.OptionPriceFee + b.OptionPriceFee,
        a.SpotPriceFee + b.SpotPriceFee,
        a.VegaUtilFee + b.VegaUtilFee,
        a.VarianceFee + b.VarianceFee);
}
