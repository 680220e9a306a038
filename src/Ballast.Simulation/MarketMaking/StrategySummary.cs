using Ballast.Simulation.Runner;

namespace Ballast.Simulation.MarketMaking;

/// <summary>Per-strategy result of the Avellaneda-Stoikov experiment, in the columns of the paper's tables.</summary>
/// <param name="SpreadMean">Quoted spread ask − bid averaged over all steps and paths, price units.</param>
/// <param name="Profit">Terminal profit X_T + q_T·s_T over paths, price units.</param>
/// <param name="FinalInventory">Terminal inventory q_T over paths, units.</param>
/// <param name="FinalInventoryDistribution">Histogram and quantiles of q_T over paths.</param>
public sealed record StrategySummary(double SpreadMean, SampleStatistics Profit, SampleStatistics FinalInventory, InventoryDistribution FinalInventoryDistribution)
{
    /// <summary>Mean terminal profit.</summary>
    public double ProfitMean => Profit.Mean;

    /// <summary>Sample standard deviation of terminal profit.</summary>
    public double ProfitStd => Profit.StandardDeviation;

    /// <summary>Mean terminal inventory.</summary>
    public double FinalInventoryMean => FinalInventory.Mean;

    /// <summary>Sample standard deviation of terminal inventory.</summary>
    public double FinalInventoryStd => FinalInventory.StandardDeviation;
}
