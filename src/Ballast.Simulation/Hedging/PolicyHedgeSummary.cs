using Ballast.Simulation.Runner;

namespace Ballast.Simulation.Hedging;

/// <summary>One policy's result over all paths. Money in quote units per path.</summary>
/// <param name="Name">Policy label ("none", "fixed 4h", "lyra", "ww γ=0.001", "gamma-aware").</param>
/// <param name="Pnl">Hedged P&amp;L at expiry: ±(premium − payoff) + hedge value (price P&amp;L − fees − funding).</param>
/// <param name="HedgeCost">Fees + slippage (fill vs mark) + funding paid.</param>
/// <param name="Fees">Fees paid.</param>
/// <param name="Slippage">Σ quantity × (fill price − mark at order time).</param>
/// <param name="Funding">Funding paid (negative = received).</param>
/// <param name="Trades">Hedge orders placed.</param>
public sealed record PolicyHedgeSummary(string Name, SampleStatistics Pnl, SampleStatistics HedgeCost, double Fees,
    double Slippage, double Funding, double Trades)
{
    /// <summary>Standard deviation of the hedged P&amp;L, quote.</summary>
    public double PnlStd => Pnl.StandardDeviation;

    /// <summary>Mean total hedge cost, quote.</summary>
    public double CostMean => HedgeCost.Mean;
}
