namespace Ballast.Engine.Margin;

/// <summary>Why a trade was refused by the margin check.</summary>
public enum TradeRiskRejection
{
    /// <summary>Allowed.</summary>
    None = 0,
    /// <summary>The trade adds risk and the initial margin balance after it would be negative.</summary>
    InsufficientInitialMargin,
}

/// <summary>Outcome of <see cref="TradeRiskCheck"/>.</summary>
/// <param name="RiskReducing">True when the trade only reduces risk (see <see cref="TradeRiskCheck"/>).</param>
/// <param name="Rejection">Why it was refused; <see cref="TradeRiskRejection.None"/> when allowed.</param>
/// <param name="InitialMarginAfter">Initial margin balance after the trade (quote).</param>
/// <param name="MaintenanceMarginBefore">Maintenance margin balance before the trade (quote).</param>
/// <param name="MaintenanceMarginAfter">Maintenance margin balance after the trade (quote).</param>
public readonly record struct TradeRiskDecision(bool RiskReducing, TradeRiskRejection Rejection, decimal InitialMarginAfter,
    decimal MaintenanceMarginBefore, decimal MaintenanceMarginAfter)
{
    /// <summary>True when the trade may execute.</summary>
    public bool Allowed => Rejection == TradeRiskRejection.None;
}
