namespace Ballast.Engine.Margin;

/// <summary>Plan of one Deribit-style incremental liquidation step against the vault (see <see cref="IncrementalLiquidation.Plan"/>).</summary>
/// <param name="Rejection">Why no step is possible; <see cref="LiquidationRejection.None"/> when planned.</param>
/// <param name="Fraction">Fraction of every position the vault closes at mark, in (0, 1].</param>
/// <param name="CloseCashToAccount">Quote the account receives (negative: pays) for the closed positions at mark: f·Σq·mark, rounded down.</param>
/// <param name="Penalty">Liquidation penalty charged to the account (quote), split by <see cref="PenaltySplit"/>.</param>
public readonly record struct IncrementalClose(LiquidationRejection Rejection, decimal Fraction, decimal CloseCashToAccount, decimal Penalty)
{
    /// <summary>True when the whole book is closed.</summary>
    public bool ClosesEverything => Fraction == 1m;
}
