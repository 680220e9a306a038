namespace Ballast.Engine.MarketMaking;

/// <summary>
/// Closed-form asymptotic quotes of Guéant, Lehalle &amp; Fernandez-Tapia (2013), "Dealing with the inventory risk:
/// a solution to the market making problem", Mathematics and Financial Economics 7:477–507, eqs. for δᵇ∞ and δᵃ∞
/// (the T → ∞ limit of the AS problem, without inventory bounds):
/// δᵇ ≈ (1/γ)·ln(1 + γ/k) + ((2q + 1)/2)·C, δᵃ ≈ (1/γ)·ln(1 + γ/k) − ((2q − 1)/2)·C,
/// C = √(σ²γ / (2kA) · (1 + γ/k)^(1 + k/γ)).
/// Units: quotes in price units; σ in price units per √(time unit); γ, k per price unit; A in fills per time unit.
/// </summary>
public static class GueantLehalleFernandezTapia
{
    /// <summary>
    /// Validated quote: bid = s − δᵇ, ask = s + δᵃ; reservation = (bid + ask)/2 = s − q·C; spread = (2/γ)ln(1+γ/k) + C.
    /// </summary>
    /// <param name="mid">Mid price s (price units), &gt; 0.</param>
    /// <param name="inventory">Signed inventory q (asset units).</param>
    /// <param name="volatility">σ (price units per √time), ≥ 0.</param>
    /// <param name="riskAversion">γ (per price unit), &gt; 0.</param>
    /// <param name="intensityDecay">k (per price unit), &gt; 0.</param>
    /// <param name="arrivalIntensity">A (fills per time unit at δ = 0), &gt; 0.</param>
    public static MarketMakerQuoteResult Quote(double mid, double inventory, double volatility, double riskAversion,
        double intensityDecay, double arrivalIntensity)
    {
        var error = MarketMakingInputs.Validate(mid, inventory, volatility, riskAversion, intensityDecay, arrivalIntensity, 0.0, out string message);
        if (error != MarketMakingInputError.None) return MarketMakerQuoteResult.Reject(error, message);
        return MarketMakerQuoteResult.Accept(QuoteUnchecked(mid, inventory, volatility, riskAversion, intensityDecay, arrivalIntensity));
    }

    /// <summary>The same quote without validation, for inner loops whose parameters were validated once.</summary>
    public static MarketMakerQuote QuoteUnchecked(double mid, double inventory, double volatility, double riskAversion,
        double intensityDecay, double arrivalIntensity)
    {
        double baseHalfSpread = Math.Log(1.0 + riskAversion / intensityDecay) / riskAversion;
        double c = InventoryCoefficient(volatility, riskAversion, intensityDecay, arrivalIntensity);
        double bidDistance = baseHalfSpread + (2.0 * inventory + 1.0) / 2.0 * c;
        double askDistance = baseHalfSpread - (2.0 * inventory - 1.0) / 2.0 * c;
        double bid = mid - bidDistance, ask = mid + askDistance;
        return new MarketMakerQuote(bid, ask, 0.5 * (bid + ask), bidDistance + askDistance);
    }

    /// <summary>C = √(σ²γ/(2kA)·(1 + γ/k)^(1 + k/γ)) in price units per unit of inventory; no validation.</summary>
    public static double InventoryCoefficient(double volatility, double riskAversion, double intensityDecay, double arrivalIntensity)
    {
        double ratio = riskAversion / intensityDecay;
        return Math.Sqrt(volatility * volatility * riskAversion / (2.0 * intensityDecay * arrivalIntensity)
                         * Math.Pow(1.0 + ratio, 1.0 + 1.0 / ratio));
    }
}
