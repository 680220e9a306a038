namespace Ballast.Engine.MarketMaking;

/// <summary>
/// The benchmark of Avellaneda &amp; Stoikov (2008) §3.3: quotes the inventory strategy's spread at zero inventory,
/// γσ²(T − t) + (2/γ)·ln(1 + γ/k), centred on the mid and ignoring inventory. Units as in <see cref="AvellanedaStoikov"/>.
/// </summary>
public static class SymmetricQuoting
{
    /// <summary>Validated quote around the mid; inventory is accepted (and validated) but does not move the quote.</summary>
    /// <param name="mid">Mid price s (price units), &gt; 0.</param>
    /// <param name="inventory">Signed inventory q (asset units); ignored by the strategy.</param>
    /// <param name="volatility">σ (price units per √time), ≥ 0.</param>
    /// <param name="riskAversion">γ (per price unit), &gt; 0; sets the width only.</param>
    /// <param name="intensityDecay">k (per price unit), &gt; 0.</param>
    /// <param name="timeLeft">T − t (time units), ≥ 0.</param>
    public static MarketMakerQuoteResult Quote(double mid, double inventory, double volatility, double riskAversion,
        double intensityDecay, double timeLeft)
    {
        var error = MarketMakingInputs.Validate(mid, inventory, volatility, riskAversion, intensityDecay, null, timeLeft, out string message);
        if (error != MarketMakingInputError.None) return MarketMakerQuoteResult.Reject(error, message);
        return MarketMakerQuoteResult.Accept(QuoteUnchecked(mid, volatility, riskAversion, intensityDecay, timeLeft));
    }

    /// <summary>The same quote without validation, for inner loops whose parameters were validated once.</summary>
    public static MarketMakerQuote QuoteUnchecked(double mid, double volatility, double riskAversion, double intensityDecay, double timeLeft)
    {
        double spread = AvellanedaStoikov.TotalSpread(volatility, riskAversion, intensityDecay, timeLeft);
        return new MarketMakerQuote(mid - 0.5 * spread, mid + 0.5 * spread, mid, spread);
    }
}
