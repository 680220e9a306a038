namespace Ballast.Pricing.Surfaces;

/// <summary>One market quote on a smile, as implied volatilities.</summary>
/// <param name="Strike">Strike K in quote currency (USD).</param>
/// <param name="LogMoneyness">k = ln(K/F) against the expiry's forward F.</param>
/// <param name="MidVol">Mid implied Black vol per √year (the fit target).</param>
/// <param name="BidVol">Bid implied vol per √year.</param>
/// <param name="AskVol">Ask implied vol per √year.</param>
/// <param name="Type">Whether the quote came from a call or a put.</param>
public readonly record struct SmileQuote(double Strike, double LogMoneyness, double MidVol, double BidVol, double AskVol, OptionType Type)
{
    /// <summary>Half the bid-ask spread in vol per √year: the market's own uncertainty about <see cref="MidVol"/>.</summary>
    public double HalfSpreadVol => 0.5 * (AskVol - BidVol);
}
