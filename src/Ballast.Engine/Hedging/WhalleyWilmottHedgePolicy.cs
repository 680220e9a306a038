namespace Ballast.Engine.Hedging;

/// <summary>
/// Whalley-Wilmott no-trade band: hold while |current − target| ≤ H, otherwise trade to the nearest band edge
/// (A. E. Whalley &amp; P. Wilmott, "An asymptotic analysis of an optimal hedging model for option pricing with
/// transaction costs", Mathematical Finance 7(3):307–324, 1997; also P. Wilmott, "Paul Wilmott on Quantitative
/// Finance", 2nd ed., ch. 48), with the half-width
/// <code>H = ( 3 e^(−r(T−t)) λ S Γ² / (2γ) )^(1/3)</code>
/// λ = proportional cost (fraction of notional), S = spot, Γ = the book's gamma, γ = absolute risk aversion.
/// </summary>
/// <remarks>
/// <para>Derivation check (the small-cost limit the paper's asymptotics produce). Let x = hedge − target. Between trades
/// the target moves by Γ dS, so x is a Brownian motion with variance rate s² = Γ²σ²S². An exponential-utility hedger
/// pays a running penalty (γ/2)·σ²S²·x² per unit time (half γ times the variance rate of its P&amp;L) and λS per
/// unit traded. Reflecting x in [−H, H] makes x uniform there, so the penalty averages (γ/2)σ²S²·H²/3; Itô on x²
/// gives a trading rate (total local time at both edges) of s²/(2H), costing λS·Γ²σ²S²/(2H). Minimising
/// γσ²S²H²/6 + λSΓ²σ²S²/(2H) over H: γσ²S²H/3 = λSΓ²σ²S²/(2H²) ⇒ H³ = 3λSΓ²/(2γ). σ cancels. Discounting the
/// cost to the hedger's horizon adds e^(−r(T−t)), as in the paper.</para>
/// <para>Units: λS is quote per unit traded, Γ² is units²/quote², 1/γ is quote; H³ is units³, so H is in units of
/// underlying. For a book of many options, Γ is the book's net gamma and T−t its gamma-weighted expiry (the paper is
/// per option; aggregating gamma is the usual portfolio extension).</para>
/// </remarks>
public sealed class WhalleyWilmottHedgePolicy : HedgePolicy<WhalleyWilmottParameters>
{
    /// <summary>Creates the policy; <paramref name="parameters"/> must be valid (validate first; an invalid set is a bug).</summary>
    public WhalleyWilmottHedgePolicy(WhalleyWilmottParameters parameters) : base(parameters) { }

    /// <inheritdoc />
    public override HedgePolicyKind Kind => HedgePolicyKind.WhalleyWilmott;

    /// <summary>
    /// Band half-width H (units of underlying) for a context, floored at
    /// <see cref="WhalleyWilmottParameters.MinimumHalfWidth"/>. Context must be valid.
    /// </summary>
    public static double HalfWidth(in HedgeContext context, WhalleyWilmottParameters parameters)
    {
        double gamma = context.NetGamma;
        double cubed = 3.0 * Math.Exp(-context.RiskFreeRate * context.TimeToExpiryYears) * context.ProportionalCost
            * context.Spot * gamma * gamma / (2.0 * parameters.RiskAversion);
        return Math.Max(Math.Cbrt(cubed), parameters.MinimumHalfWidth);
    }

    /// <inheritdoc />
    protected override HedgeDecision DecideValid(in HedgeContext context)
    {
        double target = HedgeTargets.CappedTarget(context.FullHedge, Parameters.HedgeCap);
        return BandDecision(context.CurrentHedge, target, HalfWidth(context, Parameters), Parameters.HedgeCap, Parameters.MaxOrderSize);
    }

    /// <summary>Hold inside [target − H, target + H]; otherwise trade to the nearest edge, kept within ±cap.</summary>
    internal static HedgeDecision BandDecision(double current, double target, double halfWidth, double hedgeCap, double maxOrderSize)
    {
        if (current == target) return HedgeDecision.Hold(target, HedgeDecisionReason.AtTarget);
        double distance = current - target;
        if (Math.Abs(distance) <= halfWidth) return HedgeDecision.Hold(target, HedgeDecisionReason.InsideBand);
        double edge = HedgeTargets.CappedTarget(target + Math.Sign(distance) * halfWidth, hedgeCap);
        return HedgeDecision.Trade(edge, HedgeTargets.CappedOrder(current, edge, maxOrderSize), HedgeDecisionReason.OutsideBand);
    }
}
