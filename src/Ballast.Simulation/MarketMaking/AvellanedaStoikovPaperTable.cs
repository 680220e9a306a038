namespace Ballast.Simulation.MarketMaking;

/// <summary>
/// The published results of Avellaneda &amp; Stoikov (2008), Quantitative Finance 8(3):217–224, §3.3 Tables 1–3
/// (1,000 simulations each; s₀ = 100, T = 1, σ = 2, dt = 0.005, q₀ = 0, A = 140, k = 1.5).
/// </summary>
/// <remarks>
/// Provenance: <see cref="ByRiskAversion"/> was typed by hand (issue 8 quotes the same γ = 0.1 numbers) and could
/// not be checked against the paper: the search corpus holds only the paper's first page. The one other transcription
/// found, <see cref="Gamma01AsQuotedByRagoragino"/>, disagrees for γ = 0.1; which one the journal prints is open
/// (see the Simulation README, "Which γ = 0.1 table").
/// </remarks>
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

    /// <summary>
    /// The γ = 0.1 table as the replication github.com/ragoragino/avellaneda-stoikov quotes it ("The original results
    /// were:", Readme.md): inventory 65.0 ± 6.6, final q 0.08 ± 2.9; symmetric 68.4 ± 12.7, final q 0.26 ± 8.4. It gives
    /// no spread column (<see cref="Row.SpreadMean"/> is the stated formula's average, 1.49, for comparison only).
    /// </summary>
    public static (Row Inventory, Row Symmetric) Gamma01AsQuotedByRagoragino { get; } =
        (new Row(1.49, 65.0, 6.6, 0.08, 2.9), new Row(1.49, 68.4, 12.7, 0.26, 8.4));
}
