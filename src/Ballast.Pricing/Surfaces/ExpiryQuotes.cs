namespace Ballast.Pricing.Surfaces;

/// <summary>All usable quotes of one expiry, with the forward and time they are measured against.</summary>
/// <param name="Expiry">Expiry instant (UTC).</param>
/// <param name="Time">Time to expiry in years (ACT/365 from the chain's reference time).</param>
/// <param name="Forward">Forward F in quote currency (USD) for this expiry.</param>
/// <param name="Quotes">Quotes sorted by strike.</param>
public sealed record ExpiryQuotes(DateTimeOffset Expiry, double Time, double Forward, IReadOnlyList<SmileQuote> Quotes)
{
    /// <summary>Fits raw SVI to the mid vols of this expiry with equal weights (see <see cref="SviFitter"/>).</summary>
    public SviFitResult FitSvi()
    {
        double[] k = Quotes.Select(q => q.LogMoneyness).ToArray();
        double[] vols = Quotes.Select(q => q.MidVol).ToArray();
        return SviFitter.Fit(k, vols, Time);
    }

    /// <summary>Median half bid-ask spread in vol per √year (0 when there are no quotes).</summary>
    public double MedianHalfSpreadVol
    {
        get
        {
            if (Quotes.Count == 0) return 0;
            double[] spreads = Quotes.Select(q => q.HalfSpreadVol).Order().ToArray();
            int mid = spreads.Length / 2;
            return spreads.Length % 2 == 1 ? spreads[mid] : 0.5 * (spreads[mid - 1] + spreads[mid]);
        }
    }
}
