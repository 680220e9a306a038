namespace Ballast.Engine.Margin;

/// <summary>Why a liquidation step was refused (typed rejection; nothing happens).</summary>
public enum LiquidationRejection
{
    /// <summary>Accepted.</summary>
    None = 0,
    /// <summary>The maintenance margin balance is ≥ 0: the account is not liquidatable.</summary>
    NotLiquidatable,
    /// <summary>The requested fraction is not in (0, 1].</summary>
    InvalidFraction,
    /// <summary>Elapsed auction time is negative.</summary>
    InvalidTime,
    /// <summary>The account is insolvent (equity ≤ 0): use the insolvent auction / insolvency waterfall.</summary>
    Insolvent,
}
