using Ballast.Engine.Markets;

namespace Ballast.Engine.Pool.Events;

/// <summary>Shares were burnt and quote paid at the processing-time share price, less the withdrawal fee while boards are
/// live (Lyra <c>processWithdrawalQueue</c>); partial when burnable liquidity was short.</summary>
/// <param name="Time">Unix seconds.</param>
/// <param name="RequestId">The queued request, or 0 for an instant withdrawal.</param>
/// <param name="Account">The LP paid.</param>
/// <param name="Tranche">Tranche name.</param>
/// <param name="SharesBurned">Shares burnt now, &gt; 0.</param>
/// <param name="SharePrice">Price used, quote per share (before fee).</param>
/// <param name="Fee">Quote kept by the pool (fee plus rounding), ≥ 0.</param>
/// <param name="Payout">Quote paid: ⌊shares·price·(1 − fee rate)⌋ to the quote decimals.</param>
/// <param name="SharesRemaining">Shares of the request still queued (0 when complete).</param>
/// <param name="NavBefore">Pool NAV just before, quote.</param>
/// <param name="ByGuardian">True when the guardian forced it through a breaker or a stale cache.</param>
public sealed record WithdrawalProcessed(long Time, long RequestId, AccountId Account, string Tranche, decimal SharesBurned, decimal SharePrice,
    decimal Fee, decimal Payout, decimal SharesRemaining, decimal NavBefore, bool ByGuardian) : PoolEvent(Time)
{
    /// <summary>True when shares of the request remain queued.</summary>
    public bool IsPartial => SharesRemaining > 0;
}
