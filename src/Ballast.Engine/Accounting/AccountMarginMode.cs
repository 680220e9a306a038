namespace Ballast.Engine.Accounting;

/// <summary>How a trader account's short positions are secured.</summary>
public enum AccountMarginMode
{
    /// <summary>Every short locks its full collateral (<see cref="CollateralRequirement"/>); the default, never liquidatable.</summary>
    FullCollateral = 0,
    /// <summary>Derive-style standard margin (<see cref="Margin.StandardMargin"/>): nothing is locked; trades and withdrawals need IM ≥ 0 after them.</summary>
    Standard = 1,
    /// <summary>Scenario-grid portfolio margin (<see cref="Margin.PortfolioMargin"/>): nothing is locked; trades and withdrawals need IM ≥ 0 after them.</summary>
    Portfolio = 2,
}
