namespace Ballast.Engine.Hedging;

/// <summary>
/// A Whalley-Wilmott band (see <see cref="WhalleyWilmottHedgePolicy"/>) that hedges less while the book is long
/// gamma: the target becomes f·clamp(−netDelta, ±cap) and the half-width m·H, with f =
/// <see cref="GammaAwareHedgeParameters.LongGammaHedgeFraction"/> and m =
/// <see cref="GammaAwareHedgeParameters.LongGammaBandMultiplier"/>. Short or flat gamma: the plain band.
/// </summary>
/// <remarks>
/// Why: a long-gamma book's P&amp;L is convex in spot — an unhedged move earns ½ΓΔS² whichever way it goes — so
/// leaving part of its delta open costs variance but not expected value, while every hedge trade costs λS. A
/// short-gamma book loses on every move and gets the full band. This is Ballast's heuristic, not a published rule;
/// the hedging-effectiveness experiment measures it. Vega is carried in the context but does not change the delta
/// hedge (a perp cannot hedge vega).
/// </remarks>
public sealed class GammaAwareHedgePolicy : HedgePolicy<GammaAwareHedgeParameters>
{
    /// <summary>Creates the policy; <paramref name="parameters"/> must be valid (validate first; an invalid set is a bug).</summary>
    public GammaAwareHedgePolicy(GammaAwareHedgeParameters parameters) : base(parameters) { }

    /// <inheritdoc />
    public override HedgePolicyKind Kind => HedgePolicyKind.GammaAware;

    /// <inheritdoc />
    protected override HedgeDecision DecideValid(in HedgeContext context)
    {
        var band = Parameters.Band;
        double target = HedgeTargets.CappedTarget(context.FullHedge, band.HedgeCap);
        double halfWidth = WhalleyWilmottHedgePolicy.HalfWidth(context, band);
        if (context.NetGamma > 0)
        {
            target *= Parameters.LongGammaHedgeFraction;
            halfWidth *= Parameters.LongGammaBandMultiplier;
        }
        return WhalleyWilmottHedgePolicy.BandDecision(context.CurrentHedge, target, halfWidth, band.HedgeCap, band.MaxOrderSize);
    }
}
