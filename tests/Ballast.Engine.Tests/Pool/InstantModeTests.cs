using Ballast.Engine.Pool;
using Ballast.Engine.Pool.Events;
using static Ballast.Engine.Tests.Pool.PoolTestKit;

namespace Ballast.Engine.Tests.Pool;

public class InstantModeTests
{
    private static readonly PoolParameters Instant = PoolParameters.Default with { InstantMode = true };

    [Fact]
    public void An_instant_deposit_mints_at_the_current_price_without_queueing()
    {
        var pool = NewPool(Instant);
        var ledger = new Ledger();
        long now = Seed(pool, ledger, ("alice", "junior", 1_000m));
        ledger.BookValue = 100m;
        var events = pool.Ok(pool.InstantDeposit("bob", "junior", 550m, ledger.Market(pool), now));
        ledger.Apply(events);
        var d = Assert.IsType<DepositProcessed>(Assert.Single(events));
        Assert.Equal(0, d.RequestId);
        Assert.Equal(1.1m, d.SharePrice);
        Assert.Equal(500m, pool.SharesOf("bob", "junior"));
        Assert.Equal(1.1m, pool.SharePrice("junior", ledger.Nav(pool), now));
    }

    [Fact]
    public void An_instant_withdrawal_is_capped_by_unlocked_liquidity()
    {
        var pool = NewPool(Instant);
        var ledger = new Ledger();
        long now = Seed(pool, ledger, ("alice", "junior", 1_000m));
        var tight = ledger.Market(pool, burnable: 494m);
        var refused = pool.InstantWithdrawal("alice", "junior", 500m, tight, now);
        Assert.Equal(PoolRejectionReason.InsufficientLiquidity, refused.Rejection?.Reason);
        var w = Assert.IsType<WithdrawalProcessed>(Assert.Single(pool.Ok(pool.InstantWithdrawal("alice", "junior", 495m, ledger.Market(pool, burnable: 490.05m), now))));
        Assert.Equal(490.05m, w.Payout); // 1 % fee while boards are live
        Assert.Equal(505m, pool.SharesOf("alice", "junior"));
    }

    [Fact]
    public void Instant_operations_respect_breakers_a_stale_cache_insolvency_and_impaired_seniors()
    {
        var pool = NewPool(Instant, seniorApr: 0m);
        var ledger = new Ledger();
        long now = Seed(pool, ledger, ("s", "senior", 1_000m), ("j", "junior", 100m));
        var market = ledger.Market(pool);
        Assert.Equal(PoolRejectionReason.GreekCacheStale, pool.InstantDeposit("x", "junior", 10m, market with { IsGreekCacheFresh = false }, now).Rejection?.Reason);
        Assert.Equal(PoolRejectionReason.CircuitBreakerActive, pool.InstantDeposit("x", "junior", 10m, market with { HasOpenOptions = true, MaxIvVariance = 1 }, now).Rejection?.Reason);
        var insolvent = market with { Nav = NavCalculator.Compute(new NavInputs(1, 0, 1, 0, 0, 0, 2)) };
        Assert.Equal(PoolRejectionReason.Insolvent, pool.InstantWithdrawal("j", "junior", 10m, insolvent, now).Rejection?.Reason);
        ledger.BookValue = -300m;
        Assert.Equal(PoolRejectionReason.SeniorTrancheImpaired, pool.InstantDeposit("x", "junior", 10m, ledger.Market(pool), now).Rejection?.Reason);
        pool.Ok(pool.SettleBoard(now));
        Assert.Equal(PoolRejectionReason.CircuitBreakerActive, pool.InstantWithdrawal("s", "senior", 10m, ledger.Market(pool), now + 1).Rejection?.Reason);
    }
}
