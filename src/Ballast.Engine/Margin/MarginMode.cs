namespace Ballast.Engine.Margin;

/// <summary>How a trader account's collateral requirement is computed.</summary>
public enum MarginMode
{
    /// <summary>Per-position requirements netted per expiry by the settlement max loss (Derive Standard Manager); see <see cref="StandardMargin"/>.</summary>
    Standard = 0,
    /// <summary>Worst loss over a spot × vol scenario grid (Derive PMRM / Deribit PM / CME SPAN); see <see cref="PortfolioMargin"/>.</summary>
    Portfolio = 1,
}
