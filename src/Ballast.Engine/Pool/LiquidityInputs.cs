namespace Ballast.Engine.Pool;

/// <summary>
/// The quote the vault holds and what is spoken for, as Lyra v1 (Newport) <c>LiquidityPool._getLiquidity</c> splits it.
/// All amounts in quote units unless said otherwise, all ≥ 0.
/// </summary>
/// <param name="QuoteBalance">Quote the vault holds.</param>
/// <param name="OutstandingSettlements">Quote reserved for settled options not yet paid.</param>
/// <param name="QueuedDeposits">Quote of deposits not yet processed (not the pool's).</param>
/// <param name="LockedPutCollateral">Quote locked against puts the vault sold (Σ strike·size).</param>
/// <param name="LockedCallCollateral">Base units the vault must deliver on calls it sold (Σ size).</param>
/// <param name="Spot">Price of one base unit in quote, &gt; 0.</param>
/// <param name="UsedForHedging">Quote posted to hedge venues or earmarked for pending hedges.</param>
/// <param name="ReservedForQueuedWithdrawals">Value of shares waiting in withdrawal queues (<see cref="TranchePool.ReservedForQueuedWithdrawals"/>).</param>
public readonly record struct LiquidityInputs(
    decimal QuoteBalance,
    decimal OutstandingSettlements,
    decimal QueuedDeposits,
    decimal LockedPutCollateral,
    decimal LockedCallCollateral,
    decimal Spot,
    decimal UsedForHedging,
    decimal ReservedForQueuedWithdrawals);
