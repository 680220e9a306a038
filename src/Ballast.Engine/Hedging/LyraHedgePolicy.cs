namespace Ballast.Engine.Hedging;

/// <summary>
/// Lyra v1's pool hedger rule (derivexyz/v1-core, contracts/SNXPerpsV2PoolHedger.sol, commit ea9e36ab,
/// <c>hedgeDelta</c> / <c>_hedgeDelta</c> / <c>_getCappedExpectedHedge</c>):
/// target = clamp(−netDelta, ±hedgeCap); trade to the target unless
/// (target ≠ 0 and the interaction delay has not passed and |target − current| &lt; deltaThreshold);
/// each order is clamped to ±maxOrderCap.
/// </summary>
/// <remarks>
/// Lyra's <c>getGlobalNetDelta</c> is the traders' delta, i.e. minus the pool's; here the context carries the vault's
/// own delta, hence the minus sign. Lyra reverts when it may not act; a pure policy holds instead.
/// </remarks>
public sealed class LyraHedgePolicy : HedgePolicy<LyraHedgeParameters>
{
    /// <summary>Creates the policy; <paramref name="parameters"/> must be valid (validate first; an invalid set is a bug).</summary>
    public LyraHedgePolicy(LyraHedgeParameters parameters) : base(parameters) { }

    /// <inheritdoc />
    public override HedgePolicyKind Kind => HedgePolicyKind.Lyra;

    /// <inheritdoc />
    protected override HedgeDecision DecideValid(in HedgeContext context)
    {
        double target = HedgeTargets.CappedTarget(context.FullHedge, Parameters.HedgeCap);
        double current = context.CurrentHedge;
        if (target == current) return HedgeDecision.Hold(target, HedgeDecisionReason.AtTarget);

        double gap = Math.Abs(target - current);
        bool delayPassed = context.SecondsSinceLastHedge >= Parameters.InteractionDelaySeconds;
        HedgeDecisionReason reason;
        if (target == 0) reason = HedgeDecisionReason.FlattenToZero;
        else if (gap >= Parameters.DeltaThreshold) reason = HedgeDecisionReason.DeltaThresholdExceeded;
        else if (delayPassed) reason = HedgeDecisionReason.InteractionDelayElapsed;
        else return HedgeDecision.Hold(target, HedgeDecisionReason.InteractionDelayActive);

        return HedgeDecision.Trade(target, HedgeTargets.CappedOrder(current, target, Parameters.MaxOrderSize), reason);
    }
}
