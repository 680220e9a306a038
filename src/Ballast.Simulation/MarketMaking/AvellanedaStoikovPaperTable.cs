namespace Ballast.Simulation.MarketMaking;

/// <summary>
/// The published results of Avellaneda &amp; Stoikov (2008), Quantitative Finance 8(3):217–224, §3.3 Tables 1–3
/// (1,000 simulations each; s₀ = 100, T = 1, σ = 2, dt = 0.005, q₀ = 0, A = 140, k = 1.5).
/// </summary>
public static class AvellanedaStoikovPaperTable
{
    /// <summary>One strategy's row of a table.</summary>
    /// <param name="SpreadMean">Average spread column.</param>
    /// <param name="ProfitMean">Profit column.</param>
    /// <param name="ProfitStd">Std(Profit) column.</param>
    /// <param name="FinalInventoryMean">Final q column.</param>
    /// <param name="FinalInventoryStd">Std(Final q) column.</param>
    public readonly record struct Row(double SpreadMean, double ProfitMean, double ProfitStd, double FinalInventoryMean, double FinalInventoryStd);

    /// <summary>Table 2 (γ = 0.01), Table 1 (γ = 0.1), Table 3 (γ = 0.5): (inventory, symmetric) rows by γ.</summary>
    public static IReadOnlyDictionary<double, (Row Inventory, Row Symmetric)> ByRiskAversion { get; } =
        new Dictionary<double, (Row, Row)>
        {
            [0.01] = (new Row(1.33, 66.78, 8.76, -0.02, 4.70), new Row(1.33, 67.36, 13.40, -0.31, 8.65)),
            [0.1] = (new Row(1.49, 62.94, 5.89, 0.10, 2.80), new Row(1.49, 67.21, 13.43, -0.018, 8.66)),
            [0.5] = (new Row(1.15, 33.92, 4.72, -0.02, 1.88), new Row(1.15, 66.20, 14.53, 0.25, 9.06)),
        };
}
