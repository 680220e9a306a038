using Ballast.Engine.Hedging;

namespace Ballast.Simulation.Runner;

/// <summary>
/// Hedges with one of the engine's pure hedge policies (<see cref="IHedgePolicy"/>): the runner asks, the policy decides,
/// the runner routes the order to a fault-free simulated venue charging <paramref name="CostRate"/> and books the fills in
/// the vault. Stateless, so one instance serves every path in parallel.
/// </summary>
/// <param name="Policy">Engine hedge policy.</param>
/// <param name="CostRate">All-in proportional cost of a hedge trade (ratio, e.g. 0.0005 = 5 bp); also the policy's λ.</param>
public sealed record PolicyDeltaHedger(IHedgePolicy Policy, double CostRate) : IDeltaHedger
{
    /// <inheritdoc />
    public double TargetHedge(in HedgeContext context, long now)
    {
        var decision = Policy.Decide(context);
        return decision.ShouldTrade ? context.CurrentHedge + decision.OrderSize : context.CurrentHedge;
    }

    /// <summary>Builds a hedger for <paramref name="kind"/> with the engine's default parameters for it.</summary>
    public static bool TryCreate(HedgePolicyKind kind, double costRate, out PolicyDeltaHedger? hedger, out string message)
    {
        hedger = null;
        message = "";
        if (!double.IsFinite(costRate) || costRate < 0) { message = $"hedge cost must be finite and >= 0, got {costRate}"; return false; }
        var validation = HedgePolicySettings.Default(kind).TryCreatePolicy(out var policy);
        if (policy is null) { message = validation.Message ?? $"cannot build hedge policy {kind}"; return false; }
        hedger = new PolicyDeltaHedger(policy, costRate);
        return true;
    }
}
