namespace Ballast.Engine.MarketMaking;

/// <summary>A quote, or the typed reason it could not be computed (then <see cref="Quote"/> is default).</summary>
/// <param name="Quote">The quote when <see cref="Error"/> is <see cref="MarketMakingInputError.None"/>.</param>
/// <param name="Error">Rejection reason, or None.</param>
/// <param name="Message">Human-readable reason naming the bad input; empty when accepted.</param>
public readonly record struct MarketMakerQuoteResult(MarketMakerQuote Quote, MarketMakingInputError Error, string Message)
{
    /// <summary>True when the quote was computed.</summary>
    public bool IsAccepted => Error == MarketMakingInputError.None;

    // Inputs that pass validation one by one can still overflow together (e.g. q·γ·σ² beyond double range):
    // a quote with an infinite or NaN price is a typed rejection, never printed or traded on.
    internal static MarketMakerQuoteResult Accept(MarketMakerQuote quote) =>
        double.IsFinite(quote.Bid) && double.IsFinite(quote.Ask) && double.IsFinite(quote.Reservation) && double.IsFinite(quote.Spread)
            ? new(quote, MarketMakingInputError.None, "")
            : Reject(MarketMakingInputError.QuoteNotFinite,
                $"the quote overflows for these inputs (bid {quote.Bid}, ask {quote.Ask}, reservation {quote.Reservation}, spread {quote.Spread})");

    internal static MarketMakerQuoteResult Reject(MarketMakingInputError error, string message) => new(default, error, message);
}
