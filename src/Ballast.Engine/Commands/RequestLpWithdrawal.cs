namespace Ballast.Engine.Commands;

/// <summary>
/// An LP (LiquidityProvider role) withdraws shares of a tranche it holds: the shares leave its balance into the FIFO
/// queue (Lyra <c>initiateWithdraw</c>) and are paid at the processing-time share price less the withdrawal fee, or
/// at once when <paramref name="Instant"/> and instant mode allow it. Nobody can withdraw another account's shares.
/// </summary>
/// <param name="By">LiquidityProvider principal; only <c>By.Account</c>'s shares are withdrawn.</param>
/// <param name="Tranche">Tranche name.</param>
/// <param name="Shares">Shares, &gt; 0, ≤ the account's free shares.</param>
/// <param name="Instant">True for an instant withdrawal (capped by unlocked liquidity).</param>
public sealed record RequestLpWithdrawal(Principal By, string Tranche, decimal Shares, bool Instant = false) : PoolCommand(By);
