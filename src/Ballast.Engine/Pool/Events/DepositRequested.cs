using Ballast.Engine.Markets;

namespace Ballast.Engine.Pool.Events;

/// <summary>An LP paid quote into a tranche's deposit queue (Lyra <c>initiateDeposit</c>); the quote is held outside NAV until processed.</summary>
/// <param name="Time">Unix seconds.</param>
/// <param name="RequestId">Pool-wide request number, from 1.</param>
/// <param name="Account">The LP (who receives the shares).</param>
/// <param name="Tranche">Tranche name.</param>
/// <param name="Amount">Quote deposited, &gt; 0.</param>
public sealed record DepositRequested(long Time, long RequestId, AccountId Account, string Tranche, decimal Amount) : PoolEvent(Time);
