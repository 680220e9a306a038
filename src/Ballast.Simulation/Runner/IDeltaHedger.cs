using Ballast.Engine.Hedging;
using Ballast.Simulation.Hedging;

namespace Ballast.Simulation.Runner;

/// <summary>
/// Seam between the runner and a hedger: after each step's trades the runner builds a <see cref="HedgeContext"/> from the
/// engine's Greek cache and asks for the hedge position to hold. The runner routes the difference with a
/// <see cref="HedgeRouter"/> to a <see cref="SimulatedVenue"/> built from <see cref="Venue"/> and books the fills, funding
/// and hedge health as engine commands, so the hedge is vault state (PnL component Hedge). Null in a run = no hedging.
/// <see cref="PolicyDeltaHedger"/> plugs in the engine's hedge policies (Lyra, Whalley-Wilmott, time-based, gamma-aware).
/// </summary>
public interface IDeltaHedger
{
    /// <summary>Fraction of traded notional paid as fee and slippage on a hedge trade (ratio).</summary>
    double CostRate { get; }

    /// <summary>The hedge position to hold (base units, + long) after this step.</summary>
    /// <param name="context">The vault's Greeks, current hedge, spot, vol, time since the last hedge, cost.</param>
    /// <param name="now">Simulated clock, Unix seconds.</param>
    double TargetHedge(in HedgeContext context, long now);

    /// <summary>The simulated venue the runner hedges on; by default fault-free with <see cref="CostRate"/> as its taker fee.</summary>
    SimulatedVenueSettings Venue => SimulatedVenueSettings.ProportionalCost("sim-perp", CostRate);
}
