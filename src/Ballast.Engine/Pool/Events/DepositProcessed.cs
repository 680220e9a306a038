using Ballast.Engine.Markets;

namespace Ballast.Engine.Pool.Events;

/// <summary>A deposit entered the pool: shares minted at the processing-time share price (Lyra <c>processDepositQueue</c>).</summary>
/// <param name="Time">Unix seconds.</param>
/// <param name="RequestId">The queued request, or 0 for an instant deposit.</param>
/// <param name="Account">The LP receiving the shares.</param>
/// <param name="Tranche">Tranche name.</param>
/// <param name="Amount">Quote that entered NAV.</param>
/// <param name="SharePrice">Price used, quote per share.</param>
/// <param name="SharesMinted">⌊Amount / SharePrice⌋ to the share decimals.</param>
/// <param name="NavBefore">Pool NAV just before, quote.</param>
/// <param name="ByGuardian">True when the guardian forced it through a breaker or a stale cache.</param>
public sealed record DepositProcessed(long Time, long RequestId, AccountId Account, string Tranche, decimal Amount, decimal SharePrice,
    decimal SharesMinted, decimal NavBefore, bool ByGuardian) : PoolEvent(Time);
