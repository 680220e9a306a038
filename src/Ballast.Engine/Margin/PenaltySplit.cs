namespace Ballast.Engine.Margin;

/// <summary>A liquidation penalty divided between the liquidator, the security (insurance) fund and the LPs (quote).</summary>
/// <param name="Liquidator">Liquidator's part.</param>
/// <param name="SecurityFund">Security / insurance fund's part.</param>
/// <param name="LiquidityProviders">LPs' part (the remainder).</param>
public readonly record struct PenaltySplit(decimal Liquidator, decimal SecurityFund, decimal LiquidityProviders)
{
    /// <summary>Sum of the parts; equals the penalty split exactly.</summary>
    public decimal Total => Liquidator + SecurityFund + LiquidityProviders;

    /// <summary>
    /// Splits <paramref name="penalty"/> (≥ 0, quote) by Lyra v1's ratios: liquidator and security fund parts are rounded
    /// DOWN to 1e-8 and the LPs take the exact remainder, so the parts sum to the penalty exactly in decimal.
    /// </summary>
    public static PenaltySplit Split(decimal penalty, LiquidationParameters parameters)
    {
        if (penalty < 0) throw new ArgumentOutOfRangeException(nameof(penalty), "penalty must be ≥ 0");
        decimal liquidator = MarginMoney.Floor(penalty * parameters.LiquidatorShare);
        decimal fund = MarginMoney.Floor(penalty * parameters.SecurityFundShare);
        return new PenaltySplit(liquidator, fund, penalty - liquidator - fund);
    }
}
