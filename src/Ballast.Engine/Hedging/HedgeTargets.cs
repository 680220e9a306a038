namespace Ballast.Engine.Hedging;

/// <summary>Small pure helpers shared by the policies: capping targets and orders.</summary>
public static class HedgeTargets
{
    /// <summary>
    /// Lyra v1 <c>_getCappedExpectedHedge</c>: the full hedge clamped to ±<paramref name="hedgeCap"/>
    /// (derivexyz/v1-core, contracts/SNXPerpsV2PoolHedger.sol, commit ea9e36ab).
    /// </summary>
    /// <param name="fullHedge">−(net option delta), units of underlying.</param>
    /// <param name="hedgeCap">Largest absolute hedge, units of underlying, ≥ 0.</param>
    public static double CappedTarget(double fullHedge, double hedgeCap) => Math.Clamp(fullHedge, -hedgeCap, hedgeCap);

    /// <summary>
    /// Order that moves <paramref name="current"/> toward <paramref name="target"/>, clamped to ±<paramref name="maxOrderSize"/>
    /// (Lyra <c>maxOrderCap</c>: "the maximum number of deltas that can be hedged in a single order").
    /// </summary>
    public static double CappedOrder(double current, double target, double maxOrderSize) =>
        Math.Clamp(target - current, -maxOrderSize, maxOrderSize);
}
