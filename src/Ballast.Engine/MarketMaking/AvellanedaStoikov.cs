namespace Ballast.Engine.MarketMaking;

/// <summary>
/// Avellaneda &amp; Stoikov (2008), "High-frequency trading in a limit order book", Quantitative Finance 8(3):217–224,
/// eqs. (29)–(30): a CARA market maker with risk aversion γ, mid following dS = σ dW (arithmetic), and fills
/// at intensity λ(δ) = A·e^(−kδ) for a quote δ away from the mid.
/// Units: s, r, quotes in price units; σ in price units per √(time unit); γ and k per price unit; T − t in time units.
/// </summary>
public static class AvellanedaStoikov
{
    /// <summary>Validated quote: bid = r − spread/2, ask = r + spread/2.</summary>
    /// <param name="mid">Mid price s (price units), &gt; 0.</param>
    /// <param name="inventory">Signed inventory q (asset units); q &gt; 0 means long.</param>
    /// <param name="volatility">σ (price units per √time), ≥ 0.</param>
    /// <param name="riskAversion">γ (per price unit), &gt; 0.</param>
    /// <param name="intensityDecay">k (per price unit), &gt; 0.</param>
    /// <param name="timeLeft">T − t (time units), ≥ 0.</param>
    public static MarketMakerQuoteResult Quote(double mid, double inventory, double volatility, double riskAversion,
        double intensityDecay, double timeLeft)
    {
        var error = MarketMakingInputs.Validate(mid, inventory, volatility, riskAversion, intensityDecay, null, timeLeft, out string message);
        if (error != MarketMakingInputError.None) return MarketMakerQuoteResult.Reject(error, message);
        return MarketMakerQuoteResult.Accept(QuoteUnchecked(mid, inventory, volatility, riskAversion, intensityDecay, timeLeft));
    }

    /// <summary>
    /// The same quote without validation, for inner loops whose parameters were validated once
    /// (e.g. the simulation). Garbage in, garbage out.
    /// </summary>
    public static MarketMakerQuote QuoteUnchecked(double mid, double inventory, double volatility, double riskAversion,
        double intensityDecay, double timeLeft)
    {
        double reservation = ReservationPrice(mid, inventory, volatility, riskAversion, timeLeft);
        double spread = TotalSpread(volatility, riskAversion, intensityDecay, timeLeft);
        return new MarketMakerQuote(reservation - 0.5 * spread, reservation + 0.5 * spread, reservation, spread);
    }

    /// <summary>Reservation (indifference) price r = s − q·γ·σ²·(T − t), AS 2008 eq. (29). Price units; no validation.</summary>
    public static double ReservationPrice(double mid, double inventory, double volatility, double riskAversion, double timeLeft)
        => mid - inventory * riskAversion * volatility * volatility * timeLeft;

    /// <summary>
    /// Total spread δᵃ + δᵇ = γσ²(T − t) + (2/γ)·ln(1 + γ/k), AS 2008 eq. (30). Price units; independent of inventory;
    /// no validation.
    /// </summary>
    public static double TotalSpread(double volatility, double riskAversion, double intensityDecay, double timeLeft)
        => riskAversion * volatility * volatility * timeLeft + 2.0 / riskAversion * Math.Log(1.0 + riskAversion / intensityDecay);
}
