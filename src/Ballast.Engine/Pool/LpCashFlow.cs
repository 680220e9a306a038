using Ballast.Engine.Pool.Events;

namespace Ballast.Engine.Pool;

/// <summary>Quote that crosses the vault's boundary through a pool event: what a money audit counts as LP flow.</summary>
public static class LpCashFlow
{
    /// <summary>
    /// Quote entering (+) or leaving (−) the vault through <paramref name="e"/>: a deposit request or an instant deposit
    /// brings quote in, a withdrawal payout and a refunded deposit take it out. Processing a queued deposit moves quote
    /// inside the vault (queue → capital) and counts 0; a batch counts its changes.
    /// </summary>
    /// <param name="e">A pool event.</param>
    public static decimal QuoteIn(PoolEvent e) => e switch
    {
        DepositRequested d => d.Amount,
        DepositProcessed { RequestId: 0 } d => d.Amount,
        WithdrawalProcessed w => -w.Payout,
        RequestCancelled c => -c.RefundedQuote,
        PoolEventBatch b => b.Changes.Sum(QuoteIn),
        _ => 0m,
    };
}
