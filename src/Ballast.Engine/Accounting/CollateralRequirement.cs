using Ballast.Engine.Markets;
using Ballast.Pricing;

namespace Ballast.Engine.Accounting;

/// <summary>
/// Collateral a trader must lock for a short position: full collateral, as Lyra v1's ShortCollateral does for
/// base-collateralised calls and quote-collateralised puts. A short call locks one base unit per option (covers
/// max(S − K, 0) ≤ S); a short put locks K quote per option (covers max(K − S, 0) ≤ K). The margin issue replaces
/// this with standard/portfolio margin; it is the seam.
/// </summary>
public static class CollateralRequirement
{
    /// <summary>The asset a short position of this type is collateralised (and settled) in.</summary>
    public static Asset AssetFor(OptionType type) => type == OptionType.Call ? Asset.Base : Asset.Quote;

    /// <summary>Collateral locked for a trader's signed position (zero for longs), in <see cref="AssetFor"/> units.</summary>
    /// <param name="series">The series.</param>
    /// <param name="traderPosition">Signed size, trader's side.</param>
    public static decimal For(in SeriesId series, decimal traderPosition)
    {
        if (traderPosition >= 0) return 0m;
        return series.Type == OptionType.Call ? -traderPosition : -traderPosition * series.Strike;
    }
}
