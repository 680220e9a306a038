using Ballast.Engine.Pool;

namespace Ballast.Engine.State;

/// <summary>The liquidity pool's part of the canonical state hash: every tranche, balance, queue, breaker and mark.</summary>
internal sealed partial class StateHasher
{
    private void Pool(TranchePool? pool)
    {
        // Nothing is written without a pool, so hashes of pool-less vaults stay what they were.
        if (pool is null) return;
        Tag("pool");
        var p = pool.Parameters;
        Dec(p.MinDepositWithdraw); Long(p.DepositDelay); Long(p.WithdrawalDelay); Dec(p.WithdrawalFee); Long(p.GuardianDelay);
        Dec(p.CallCollateralScalingFactor); Dec(p.PutCollateralScalingFactor); Dec(p.LiquidityCircuitBreakerThreshold);
        Long(p.LiquidityCircuitBreakerTimeout); Dbl(p.IvVarianceCircuitBreakerThreshold); Long(p.IvVarianceCircuitBreakerTimeout);
        Dbl(p.SkewVarianceCircuitBreakerThreshold); Long(p.SkewVarianceCircuitBreakerTimeout); Long(p.BoardSettlementCircuitBreakerTimeout);
        Bool(p.HaltTradingWhileBreakerActive); Bool(p.InstantMode); Long(p.QuoteDecimals); Long(p.ShareDecimals);
        Long(pool.Version); Long(pool.LastEventTime); Long(pool.NextRequestId); Dec(pool.QueuedDepositTotal);
        foreach (var t in pool.Tranches)
        {
            Tag("tranche"); Str(t.Name); Long(t.Config.Priority); Bool(t.Config.TargetApr.HasValue); Dec(t.Config.TargetApr ?? 0m);
            Dec(t.Config.InitialSharePrice); Dec(t.Shares); Dec(t.TargetBasePrice); Long(t.TargetSince);
            foreach (var r in pool.DepositQueue(t.Name)) Request(r);
            Tag("withdrawals");
            foreach (var r in pool.WithdrawalQueue(t.Name)) Request(r);
        }

        Tag("balances");
        foreach (var (tranche, account, shares) in pool.Balances) { Str(tranche); Str(account.Value); Dec(shares); }
        Tag("breakers");
        foreach (var kind in CircuitBreakers.All) Long(pool.CircuitBreakerActiveUntil(kind));
        Tag("marks");
        foreach (var m in pool.History)
        {
            Long(m.Time); Dec(m.Nav);
            foreach (var price in m.SharePrices) Dec(price);
            Dec(m.Attribution.FeeIncome); Dec(m.Attribution.OptionPnl); Dec(m.Attribution.HedgePnl);
        }
    }

    private void Request(QueuedRequest r)
    {
        Long(r.Id); Str(r.Account.Value); Bool(r.IsDeposit); Dec(r.Amount); Long(r.RequestedAt);
    }
}
