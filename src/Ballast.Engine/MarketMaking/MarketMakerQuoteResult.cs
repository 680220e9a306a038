namespace Ballast.Engine.MarketMaking;

/// <summary>A quote, or the typed reason it could not be computed (then <see cref="Quote"/> is default).</summary>
/// <param name="Quote">The quote when <see cref="Error"/> is <see cref="MarketMakingInputError.None"/>.</param>
/// <param name="Error">Rejection reason, or None.</param>
/// <param name="Message">Human-readable reason naming the bad input; empty when accepted.</param>
public readonly record struct MarketMakerQuoteResult(MarketMakerQuote Quote, MarketMakingInputError Error, string Message)
{
    /// <summary>True when the quote was computed.</summary>
    public bool IsAccepted => Error == MarketMakingInputError.None;

    internal static MarketMakerQuoteResult Accept(MarketMakerQuote quote) => new(quote, MarketMakingInputError.None, "");

    internal static MarketMakerQuoteResult Reject(MarketMakingInputError error, string message) => new(default, error, message);
}
