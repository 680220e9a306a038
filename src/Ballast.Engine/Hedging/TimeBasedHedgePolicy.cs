namespace Ballast.Engine.Hedging;

/// <summary>
/// Fixed-interval rebalancing: once <see cref="TimeBasedHedgeParameters.IntervalSeconds"/> have passed since the
/// last hedge, trade fully to clamp(−netDelta, ±cap) — discrete Black-Scholes delta hedging as in Hull, "Options,
/// Futures, and Other Derivatives", ch. 19 (hedge performance vs rebalancing frequency).
/// </summary>
public sealed class TimeBasedHedgePolicy : HedgePolicy<TimeBasedHedgeParameters>
{
    /// <summary>Creates the policy; <paramref name="parameters"/> must be valid (validate first; an invalid set is a bug).</summary>
    public TimeBasedHedgePolicy(TimeBasedHedgeParameters parameters) : base(parameters) { }

    /// <inheritdoc />
    public override HedgePolicyKind Kind => HedgePolicyKind.TimeBased;

    /// <inheritdoc />
    protected override HedgeDecision DecideValid(in HedgeContext context)
    {
        double target = HedgeTargets.CappedTarget(context.FullHedge, Parameters.HedgeCap);
        double current = context.CurrentHedge;
        if (target == current) return HedgeDecision.Hold(target, HedgeDecisionReason.AtTarget);
        if (context.SecondsSinceLastHedge < Parameters.IntervalSeconds)
            return HedgeDecision.Hold(target, HedgeDecisionReason.IntervalNotElapsed);
        if (Math.Abs(target - current) < Parameters.MinimumTradeSize)
            return HedgeDecision.Hold(target, HedgeDecisionReason.BelowMinimumTrade);
        return HedgeDecision.Trade(target, HedgeTargets.CappedOrder(current, target, Parameters.MaxOrderSize), HedgeDecisionReason.IntervalElapsed);
    }
}
