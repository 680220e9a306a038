namespace Ballast.Engine.Margin;

/// <summary>
/// Result of a margin calculation. <see cref="InitialMargin"/> and <see cref="MaintenanceMargin"/> are MARGIN
/// BALANCES (collateral value minus requirement, quote currency), as in Derive's managers:
/// <c>MaintenanceMargin &lt; 0</c> ⇒ the account is liquidatable; a risk-adding trade needs <c>InitialMargin ≥ 0</c> after it.
/// </summary>
/// <param name="Mode">Margin mode used.</param>
/// <param name="MarginCollateral">Value the requirements are compared with (quote): quote collateral + base × spot × haircut,
/// plus (portfolio only) the positions' mark value. Rounded down.</param>
/// <param name="PositionValue">Σ quantity × mark of the positions (quote), rounded down (the trader's equity is never overstated).</param>
/// <param name="InitialRequirement">Initial requirement (quote, ≥ 0), rounded up.</param>
/// <param name="MaintenanceRequirement">Maintenance requirement (quote, ≥ 0, ≤ <see cref="InitialRequirement"/>), rounded up.</param>
/// <param name="WorstScenario">Human-readable binding scenario (portfolio: the worst grid point; standard: the binding rule per expiry).</param>
/// <param name="WorstPortfolioScenario">Portfolio mode: the worst scenario of the maintenance calculation; null in standard mode or with no positions.</param>
/// <param name="Contributions">Per-position contributions, in position order.</param>
public sealed record MarginResult(
    MarginMode Mode,
    decimal MarginCollateral,
    decimal PositionValue,
    decimal InitialRequirement,
    decimal MaintenanceRequirement,
    string WorstScenario,
    MarginScenario? WorstPortfolioScenario,
    IReadOnlyList<PositionContribution> Contributions)
{
    /// <summary>Initial margin balance (quote) = <see cref="MarginCollateral"/> − <see cref="InitialRequirement"/>.</summary>
    public decimal InitialMargin => MarginCollateral - InitialRequirement;

    /// <summary>Maintenance margin balance (quote) = <see cref="MarginCollateral"/> − <see cref="MaintenanceRequirement"/>.</summary>
    public decimal MaintenanceMargin => MarginCollateral - MaintenanceRequirement;

    /// <summary>Account equity at mark (quote): collateral value + <see cref="PositionValue"/> in standard mode, <see cref="MarginCollateral"/> in portfolio mode.</summary>
    public decimal Equity => Mode == MarginMode.Portfolio ? MarginCollateral : MarginCollateral + PositionValue;

    /// <summary>True when the account may be liquidated (<see cref="MaintenanceMargin"/> &lt; 0).</summary>
    public bool IsLiquidatable => MaintenanceMargin < 0;
}
