namespace Ballast.Engine.Commands;

/// <summary>
/// An LP (LiquidityProvider role) deposits quote into a tranche for its own account: queued (Lyra
/// <c>initiateDeposit</c>) and minted at the share price when processed, or minted at once when
/// <paramref name="Instant"/> and the pool's instant mode allow it (Premia v3 style).
/// </summary>
/// <param name="By">LiquidityProvider principal; the shares go to <c>By.Account</c>.</param>
/// <param name="Tranche">Tranche name.</param>
/// <param name="Amount">Quote, &gt; 0, at most the quote decimals, ≥ the pool's minimum.</param>
/// <param name="Instant">True for an instant deposit (needs instant mode, a fresh cache and no breaker).</param>
public sealed record RequestLpDeposit(Principal By, string Tranche, decimal Amount, bool Instant = false) : PoolCommand(By);
