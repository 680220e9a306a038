using Ballast.Engine.Parameters;

namespace Ballast.Engine.Quoting;

/// <summary>
/// The inventory term of a quote (beyond Lyra): what the trader pays for the change in the VAULT's inventory risk,
/// the change in a quadratic inventory penalty
/// P(Δ, V) = ½·γ_Δ·σ_S²·S²·h·Δ² + ½·γ_V·σ_V²·h·V²
/// between the post-trade and the pre-trade inventory. Positive (a surcharge) when the trade adds risk, negative
/// (a discount) when it removes risk, exactly zero when both risk aversions are 0 (the default).
/// </summary>
/// <remarks>
/// <para><b>Source.</b> Avellaneda &amp; Stoikov, "High-frequency trading in a limit order book", Quantitative
/// Finance 8(3), 2008: a CARA (exponential-utility) dealer with risk aversion γ holding q units of an asset with
/// arithmetic volatility σ until horizon T has value function −exp(−γx)·exp(−γqs)·exp(½γ²q²σ²(T−t)), whose
/// indifference prices for one unit give the reservation price r(q) = s − q·γ·σ²·(T − t). Guéant, Lehalle &amp;
/// Fernandez-Tapia, "Dealing with the inventory risk: a solution to the market making problem", Mathematics and
/// Financial Economics 7(4), 2013, show the optimal quotes in the stationary regime are again shifted linearly in q,
/// δ^b − δ^a ≈ 2q·C with C = √(σ²γ/(2kA)·(1+γ/k)^(1+k/γ)) — the same linear-in-inventory skew, with an effective
/// horizon set by order-flow liquidity (k, A). Here the horizon h is a governance parameter
/// (<see cref="VaultParameters.InventoryHorizon"/>).</para>
/// <para><b>Derivation for a trade.</b> The reservation price is the marginal value of inventory: r(q) = s − ∂P/∂q
/// with P(q) = ½γσ²h·q². A trade taking the vault from q₀ to q₁ is worth to the vault
/// ∫_{q₀}^{q₁} r(q) dq = s·(q₁ − q₀) − [P(q₁) − P(q₀)]. So at mid s the vault is indifferent only if the trader pays
/// an extra P(q₁) − P(q₀) — on a buy it is added to the price, on a sell taken from the proceeds (the sign is the
/// same either way because q is the vault's inventory). The per-unit version of this for a one-unit trade is A-S's
/// r^a/r^b = s ± (1 ∓ 2q)·γσ²(T−t)/2.</para>
/// <para><b>Two risk factors.</b> The vault's option book is reduced to its net delta Δ (units of underlying; spot
/// risk with price volatility σ_S·S over h, σ_S annualised) and its net standard vega V (quote per vol point of
/// 30-day-equivalent implied vol, risk σ_V vol points per √year). P adds the two CARA variance penalties with
/// separate risk aversions γ_Δ and γ_V and ignores the spot–vol correlation (the diagonal case of GLFT's
/// multi-asset penalty ½γ·h·qᵀΣq). h is <see cref="VaultParameters.InventoryHorizon"/> converted to years.</para>
/// <para><b>Units.</b> γ in 1/quote; the result is in quote currency, a total for the trade.</para>
/// </remarks>
public static class InventoryAdjustment
{
    /// <summary>Charge to the trader (quote currency, total for the trade) for the change in the vault's inventory risk.</summary>
    /// <param name="preNetDelta">The vault's net delta before the trade (units of underlying).</param>
    /// <param name="postNetDelta">The vault's net delta after the trade (units of underlying).</param>
    /// <param name="preNetStdVega">The vault's net standard vega before the trade (quote per vol point).</param>
    /// <param name="postNetStdVega">The vault's net standard vega after the trade (quote per vol point).</param>
    /// <param name="spot">Spot price (quote per unit of underlying).</param>
    /// <param name="p">Risk aversions, horizon and volatility assumptions.</param>
    /// <returns>P(post) − P(pre): positive adds to a buyer's cost / subtracts from a seller's proceeds; negative is a discount.</returns>
    public static double Compute(double preNetDelta, double postNetDelta, double preNetStdVega, double postNetStdVega,
        double spot, VaultParameters p)
    {
        // Difference of squares computed as (post − pre)(post + pre): exact sign, and no cancellation for small trades.
        double deltaTerm = DeltaPenaltyCoefficient(spot, p) * (postNetDelta - preNetDelta) * (postNetDelta + preNetDelta);
        double vegaTerm = VegaPenaltyCoefficient(p) * (postNetStdVega - preNetStdVega) * (postNetStdVega + preNetStdVega);
        return deltaTerm + vegaTerm;
    }

    /// <summary>The inventory penalty P(Δ, V) itself (quote currency, ≥ 0).</summary>
    /// <param name="netDelta">The vault's net delta (units of underlying).</param>
    /// <param name="netStdVega">The vault's net standard vega (quote per vol point).</param>
    /// <param name="spot">Spot price.</param>
    /// <param name="p">Parameters.</param>
    /// <returns>½γ_Δσ_S²S²hΔ² + ½γ_Vσ_V²hV².</returns>
    public static double Penalty(double netDelta, double netStdVega, double spot, VaultParameters p) =>
        DeltaPenaltyCoefficient(spot, p) * netDelta * netDelta + VegaPenaltyCoefficient(p) * netStdVega * netStdVega;

    /// <summary>Reservation-price shift per unit of underlying at net delta Δ: −γ_Δ·σ_S²·S²·h·Δ (A-S r − s).</summary>
    /// <param name="netDelta">The vault's net delta (units of underlying).</param>
    /// <param name="spot">Spot price.</param>
    /// <param name="p">Parameters.</param>
    /// <returns>r − s in quote per unit of underlying.</returns>
    public static double ReservationShiftPerUnitDelta(double netDelta, double spot, VaultParameters p) =>
        -2 * DeltaPenaltyCoefficient(spot, p) * netDelta;

    private static double HorizonYears(VaultParameters p) => p.InventoryHorizon / VaultParameters.SecondsPerYear;

    // ½·γ_Δ·σ_S²·S²·h
    private static double DeltaPenaltyCoefficient(double spot, VaultParameters p) =>
        0.5 * p.DeltaRiskAversion * p.SpotVolatility * p.SpotVolatility * spot * spot * HorizonYears(p);

    // ½·γ_V·σ_V²·h
    private static double VegaPenaltyCoefficient(VaultParameters p) =>
        0.5 * p.VegaRiskAversion * p.VolOfVol * p.VolOfVol * HorizonYears(p);
}
