using Ballast.Engine.Pool;
using Ballast.Engine.Pool.Events;
using static Ballast.Engine.Tests.Pool.PoolTestKit;

namespace Ballast.Engine.Tests.Pool;

public class QueueTests
{
    [Fact]
    public void A_deposit_waits_for_its_delay_and_then_mints_at_the_processing_time_price()
    {
        var pool = NewPool(seniorApr: 0m);
        var ledger = new Ledger();
        ledger.Apply(pool.Ok(pool.RequestDeposit("alice", "junior", 1_000m, T0)));
        Assert.Equal(1_000m, pool.QueuedDepositTotal);
        // Lyra _canProcess: initiated + delay < now, strictly.
        Assert.Empty(pool.Ok(pool.ProcessQueues(ledger.Market(pool), T0 + Week)));
        var events = pool.Ok(pool.ProcessQueues(ledger.Market(pool), T0 + Week + 1));
        var d = Assert.IsType<DepositProcessed>(Assert.Single(events));
        Assert.Equal(1m, d.SharePrice);
        Assert.Equal(1_000m, d.SharesMinted);
        Assert.Equal(0m, pool.QueuedDepositTotal);
        Assert.Equal(1_000m, pool.SharesOf("alice", "junior"));
    }

    [Fact]
    public void Queues_are_first_in_first_out_and_a_request_not_yet_due_blocks_the_ones_behind_it()
    {
        var pool = NewPool(PoolParameters.Default with { MinDepositWithdraw = 0 });
        var ledger = new Ledger();
        ledger.Apply(pool.Ok(pool.RequestDeposit("a", "junior", 100m, T0)));
        ledger.Apply(pool.Ok(pool.RequestDeposit("b", "junior", 200m, T0 + 10)));
        ledger.Apply(pool.Ok(pool.RequestDeposit("c", "junior", 300m, T0 + 20)));
        var events = pool.Ok(pool.ProcessQueues(ledger.Market(pool), T0 + Week + 15));
        Assert.Equal(["a", "b"], events.OfType<DepositProcessed>().Select(e => e.Account.Value));
        Assert.Equal("c", Assert.Single(pool.DepositQueue("junior")).Account.Value);
    }

    [Fact]
    public void The_limit_caps_how_many_requests_one_call_processes()
    {
        var pool = NewPool();
        var ledger = new Ledger();
        for (int i = 0; i < 5; i++) ledger.Apply(pool.Ok(pool.RequestDeposit($"lp{i}", "junior", 10m, T0)));
        var events = pool.Ok(pool.ProcessQueues(ledger.Market(pool), T0 + Week + 1, limit: 2));
        Assert.Equal(["lp0", "lp1"], events.OfType<DepositProcessed>().Select(e => e.Account.Value));
        Assert.Equal(3, pool.DepositQueue("junior").Count);
    }

    [Fact]
    public void Senior_requests_are_processed_before_junior_ones()
    {
        var pool = NewPool();
        var ledger = new Ledger();
        ledger.Apply(pool.Ok(pool.RequestDeposit("j", "junior", 10m, T0)));
        ledger.Apply(pool.Ok(pool.RequestDeposit("s", "senior", 10m, T0 + 1)));
        var events = pool.Ok(pool.ProcessQueues(ledger.Market(pool), T0 + Week + 2));
        Assert.Equal(["senior", "junior"], events.OfType<DepositProcessed>().Select(e => e.Tranche));
    }

    [Fact]
    public void A_withdrawal_burns_shares_and_pays_the_processing_time_price_less_the_fee_while_boards_are_live()
    {
        var pool = NewPool();
        var ledger = new Ledger();
        long now = Seed(pool, ledger, ("alice", "junior", 1_000m));
        ledger.Apply(pool.Ok(pool.RequestWithdrawal("alice", "junior", 400m, now)));
        Assert.Equal(600m, pool.SharesOf("alice", "junior"));
        Assert.Equal(1_000m, pool.Tranches[1].Shares); // queued shares still bear risk
        ledger.BookValue = 200m; // the pool made 20 %
        var events = pool.Ok(pool.ProcessQueues(ledger.Market(pool, hasLiveBoards: true), now + Week + 1));
        ledger.Apply(events);
        var w = Assert.IsType<WithdrawalProcessed>(Assert.Single(events));
        Assert.Equal(1.2m, w.SharePrice);
        Assert.Equal(480m * 0.99m, w.Payout);
        Assert.Equal(480m * 0.01m, w.Fee);
        Assert.Equal(600m, pool.Tranches[1].Shares);
        Assert.Equal(475.2m, ledger.Wallet("alice") + 1_000m);
        Assert.Equal(1.208m, pool.SharePrice("junior", ledger.Nav(pool), now + Week + 1)); // the fee stays with the remaining LPs
    }

    [Fact]
    public void No_withdrawal_fee_is_charged_when_no_board_is_live()
    {
        var pool = NewPool();
        var ledger = new Ledger();
        long now = Seed(pool, ledger, ("alice", "junior", 1_000m));
        ledger.Apply(pool.Ok(pool.RequestWithdrawal("alice", "junior", 1_000m, now)));
        var w = Assert.IsType<WithdrawalProcessed>(Assert.Single(pool.Ok(pool.ProcessQueues(ledger.Market(pool, hasLiveBoards: false), now + Week + 1))));
        Assert.Equal(1_000m, w.Payout);
        Assert.Equal(0m, w.Fee);
    }

    [Fact]
    public void A_withdrawal_is_processed_partially_when_burnable_liquidity_is_short_and_finished_later()
    {
        var pool = NewPool();
        var ledger = new Ledger();
        long now = Seed(pool, ledger, ("alice", "junior", 1_000m), ("bob", "junior", 1_000m));
        ledger.Apply(pool.Ok(pool.RequestWithdrawal("alice", "junior", 1_000m, now)));
        ledger.Apply(pool.Ok(pool.RequestWithdrawal("bob", "junior", 500m, now)));
        now += Week + 1;
        var events = pool.Ok(pool.ProcessQueues(ledger.Market(pool, hasLiveBoards: false, burnable: 300m), now));
        var w = Assert.IsType<WithdrawalProcessed>(Assert.Single(events)); // bob waits behind alice's partial head
        Assert.True(w.IsPartial);
        Assert.Equal(300m, w.SharesBurned);
        Assert.Equal(300m, w.Payout);
        Assert.Equal(700m, w.SharesRemaining);
        ledger.Apply(events);
        Assert.Equal(700m, pool.WithdrawalQueue("junior")[0].Amount);

        var rest = pool.Ok(pool.ProcessQueues(ledger.Market(pool, hasLiveBoards: false), now + 1)).OfType<WithdrawalProcessed>().ToArray();
        Assert.Equal([("alice", 700m), ("bob", 500m)], rest.Select(e => (e.Account.Value, e.SharesBurned)));
        Assert.All(rest, e => Assert.False(e.IsPartial));
        Assert.Empty(pool.WithdrawalQueue("junior"));
    }

    [Fact]
    public void Nothing_is_processed_without_burnable_liquidity()
    {
        var pool = NewPool();
        var ledger = new Ledger();
        long now = Seed(pool, ledger, ("alice", "junior", 1_000m));
        ledger.Apply(pool.Ok(pool.RequestWithdrawal("alice", "junior", 1_000m, now)));
        Assert.Empty(pool.Ok(pool.ProcessQueues(ledger.Market(pool, burnable: 0m), now + Week + 1)));
    }

    [Fact]
    public void A_stale_greek_cache_holds_the_queues()
    {
        var pool = NewPool();
        var ledger = new Ledger();
        ledger.Apply(pool.Ok(pool.RequestDeposit("alice", "junior", 1_000m, T0)));
        var stale = ledger.Market(pool) with { IsGreekCacheFresh = false };
        Assert.Empty(pool.Ok(pool.ProcessQueues(stale, T0 + Week + 1)));
        Assert.Single(pool.DepositQueue("junior"));
    }

    [Fact]
    public void The_guardian_forces_processing_through_a_breaker_and_a_stale_cache_after_the_guardian_delay()
    {
        var pool = NewPool();
        var ledger = new Ledger();
        ledger.Apply(pool.Ok(pool.RequestDeposit("alice", "junior", 1_000m, T0)));
        pool.Ok(pool.SettleBoard(T0 + 2 * Week - 10)); // breaker active past the guardian delay
        var stale = ledger.Market(pool) with { IsGreekCacheFresh = false };
        long afterGuardianDelay = T0 + 2 * Week + 1;
        Assert.Empty(pool.Ok(pool.ProcessQueues(stale, afterGuardianDelay, ProcessingAuthority.Keeper)));
        Assert.Empty(pool.Ok(pool.ProcessQueues(stale, T0 + 2 * Week, ProcessingAuthority.Guardian))); // not yet: strict
        var d = Assert.IsType<DepositProcessed>(Assert.Single(pool.Ok(pool.ProcessQueues(stale, afterGuardianDelay, ProcessingAuthority.Guardian))));
        Assert.True(d.ByGuardian);
    }

    [Fact]
    public void Guardian_processing_of_a_normally_due_request_is_not_flagged_as_a_bypass()
    {
        var pool = NewPool();
        var ledger = new Ledger();
        ledger.Apply(pool.Ok(pool.RequestDeposit("alice", "junior", 1_000m, T0)));
        var d = Assert.IsType<DepositProcessed>(Assert.Single(pool.Ok(pool.ProcessQueues(ledger.Market(pool), T0 + 3 * Week, ProcessingAuthority.Guardian))));
        Assert.False(d.ByGuardian);
    }

    [Fact]
    public void The_owner_can_cancel_a_queued_deposit_for_a_refund_or_a_withdrawal_to_get_the_shares_back()
    {
        var pool = NewPool();
        var ledger = new Ledger();
        long now = Seed(pool, ledger, ("alice", "junior", 1_000m));
        ledger.Apply(pool.Ok(pool.RequestDeposit("alice", "junior", 250m, now)));
        long depositId = pool.DepositQueue("junior")[0].Id;
        ledger.Apply(pool.Ok(pool.RequestWithdrawal("alice", "junior", 400m, now)));
        long withdrawalId = pool.WithdrawalQueue("junior")[0].Id;

        var c1 = Assert.IsType<RequestCancelled>(Assert.Single(pool.Ok(pool.Cancel("alice", depositId, now + 5))));
        ledger.Apply([c1]);
        Assert.Equal(250m, c1.RefundedQuote);
        Assert.Equal(0m, pool.QueuedDepositTotal);
        var c2 = Assert.IsType<RequestCancelled>(Assert.Single(pool.Ok(pool.Cancel("alice", withdrawalId, now + 6))));
        Assert.Equal(400m, c2.ReturnedShares);
        Assert.Equal(1_000m, pool.SharesOf("alice", "junior"));
        Assert.Equal(-1_000m, ledger.Wallet("alice"));
    }

    [Fact]
    public void Nothing_is_processed_while_the_pool_is_insolvent()
    {
        var pool = NewPool();
        var ledger = new Ledger();
        long now = Seed(pool, ledger, ("alice", "junior", 1_000m));
        ledger.Apply(pool.Ok(pool.RequestWithdrawal("alice", "junior", 1_000m, now)));
        var insolvent = ledger.Market(pool) with { Nav = NavCalculator.Compute(new NavInputs(1_000m, 0, 1m, 0, 0, 0, 1_500m)) };
        Assert.True(insolvent.Nav.IsInsolvent);
        var events = pool.Ok(pool.ProcessQueues(insolvent, now + Week + 1, ProcessingAuthority.Guardian));
        Assert.DoesNotContain(events, e => e is WithdrawalProcessed);
    }

    [Fact]
    public void Deposits_wait_while_a_more_senior_tranche_is_below_its_target()
    {
        var pool = NewPool(seniorApr: 0m);
        var ledger = new Ledger();
        long now = Seed(pool, ledger, ("s", "senior", 1_000m), ("j", "junior", 100m));
        ledger.BookValue = -300m; // junior wiped out, senior impaired
        ledger.Apply(pool.Ok(pool.RequestDeposit("k", "junior", 500m, now)));
        Assert.Empty(pool.Ok(pool.ProcessQueues(ledger.Market(pool), now + Week + 1)).OfType<DepositProcessed>());
        Assert.Single(pool.DepositQueue("junior"));
    }

    [Fact]
    public void An_LP_may_always_exit_its_whole_balance_even_below_the_minimum()
    {
        var pool = NewPool(PoolParameters.Default with { InstantMode = true });
        var ledger = new Ledger();
        long now = Seed(pool, ledger, ("alice", "junior", 10m));
        ledger.Apply(pool.Ok(pool.InstantWithdrawal("alice", "junior", 9.5m, ledger.Market(pool), now)));
        Assert.Equal(PoolRejectionReason.BelowMinimum, pool.RequestWithdrawal("alice", "junior", 0.25m, now).Rejection?.Reason);
        pool.Ok(pool.RequestWithdrawal("alice", "junior", 0.5m, now));
        Assert.Equal(0m, pool.SharesOf("alice", "junior"));
    }

    [Fact]
    public void Queued_withdrawals_are_reserved_from_free_liquidity_at_todays_price()
    {
        var pool = NewPool();
        var ledger = new Ledger();
        long now = Seed(pool, ledger, ("alice", "junior", 1_000m));
        pool.Ok(pool.RequestWithdrawal("alice", "junior", 250m, now));
        Assert.Equal(300m, pool.ReservedForQueuedWithdrawals(1_200m, now));
        var liquidity = LiquidityCalculator.Compute(new LiquidityInputs(1_200m, 0, 0, 0, 0, 1m, 0, pool.ReservedForQueuedWithdrawals(1_200m, now)), pool.Parameters);
        Assert.Equal(900m, liquidity.FreeLiquidity);
        Assert.Equal(1_200m, liquidity.BurnableLiquidity);
    }
}
