using Ballast.Engine.Markets;

namespace Ballast.Engine.Pool.Events;

/// <summary>The owner cancelled what is left of a queued request: a deposit's quote is refunded, a withdrawal's shares return
/// to the LP's balance (Ribbon v2 <c>withdrawInstantly</c> for pending deposits is the model).</summary>
/// <param name="Time">Unix seconds.</param>
/// <param name="RequestId">The request.</param>
/// <param name="Account">Its owner.</param>
/// <param name="RefundedQuote">Quote returned (deposit), else 0.</param>
/// <param name="ReturnedShares">Shares returned (withdrawal), else 0.</param>
public sealed record RequestCancelled(long Time, long RequestId, AccountId Account, decimal RefundedQuote, decimal ReturnedShares) : PoolEvent(Time);
