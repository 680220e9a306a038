namespace Ballast.Engine.Commands;

/// <summary>What a principal is allowed to do; each command names the role it requires.</summary>
public enum Role
{
    /// <summary>Trades options and moves its own collateral.</summary>
    Trader,

    /// <summary>Lists and delists boards and strikes, changes parameters.</summary>
    Governor,

    /// <summary>Publishes spot and vol, settles expired boards.</summary>
    Oracle,

    /// <summary>Opens the vault, adds capital, imports positions (migrations).</summary>
    Admin,

    /// <summary>Liquidates under-margined accounts (and is paid the liquidator's part of the penalty).</summary>
    Keeper,

    /// <summary>Deposits into and withdraws from the liquidity pool's tranches for its own account.</summary>
    LiquidityProvider,
}
