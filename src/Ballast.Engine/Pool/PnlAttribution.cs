namespace Ballast.Engine.Pool;

/// <summary>Where the pool's PnL over a period came from (quote units, signed), as the engine measures it.</summary>
/// <param name="FeeIncome">Trading fees earned (option-price, spot, vega and variance fees) plus withdrawal fees.</param>
/// <param name="OptionPnl">Change in option book value net of premiums (the vault's mark-to-model PnL on options).</param>
/// <param name="HedgePnl">Hedge PnL including hedging fees and funding.</param>
public readonly record struct PnlAttribution(decimal FeeIncome, decimal OptionPnl, decimal HedgePnl)
{
    /// <summary>Fee income + option PnL + hedge PnL.</summary>
    public decimal Total => FeeIncome + OptionPnl + HedgePnl;

    /// <summary>Component-wise sum.</summary>
    public static PnlAttribution operator +(PnlAttribution a, PnlAttribution b) =>
        new(a.FeeIncome + b.FeeIncome, a.OptionPnl + b.OptionPnl, a.HedgePnl + b.HedgePnl);
}
