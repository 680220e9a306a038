using Ballast.Engine.Markets;

namespace Ballast.Engine.Pool.Events;

/// <summary>An LP moved shares into a tranche's withdrawal queue (Lyra <c>initiateWithdraw</c>). The shares leave the LP's
/// balance but stay in the tranche's supply (they bear risk until burnt).</summary>
/// <param name="Time">Unix seconds.</param>
/// <param name="RequestId">Pool-wide request number, from 1.</param>
/// <param name="Account">The LP (who receives the quote).</param>
/// <param name="Tranche">Tranche name.</param>
/// <param name="Shares">Shares to burn, &gt; 0.</param>
public sealed record WithdrawalRequested(long Time, long RequestId, AccountId Account, string Tranche, decimal Shares) : PoolEvent(Time);
