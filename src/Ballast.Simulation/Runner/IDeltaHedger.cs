namespace Ballast.Simulation.Runner;

/// <summary>
/// Seam for the hedging component (issue: hedging): given the vault's net delta after a step's trades, returns the
/// hedge position to hold in the underlying. The runner marks the hedge to market each step (PnL component Hedge)
/// and charges <see cref="CostRate"/> of the traded notional. Null in a scenario = no hedging.
/// </summary>
public interface IDeltaHedger
{
    /// <summary>Fraction of traded notional paid as fee and slippage on a hedge trade (ratio).</summary>
    double CostRate { get; }

    /// <summary>The hedge position to hold (base units, + long) after this step.</summary>
    /// <param name="vaultNetDelta">Vault net delta without the hedge, base units.</param>
    /// <param name="currentHedge">Hedge position held now, base units.</param>
    /// <param name="spot">Spot, quote units.</param>
    /// <param name="now">Simulated clock, Unix seconds.</param>
    double TargetHedge(double vaultNetDelta, double currentHedge, double spot, long now);
}
