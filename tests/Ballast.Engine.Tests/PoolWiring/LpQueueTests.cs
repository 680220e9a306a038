using Ballast.Engine.Commands;
using Ballast.Engine.Markets;
using Ballast.Engine.Pool;
using Ballast.Engine.Pool.Events;
using Ballast.Engine.Tests.Support;
using static Ballast.Engine.Tests.PoolWiring.PoolVault;

namespace Ballast.Engine.Tests.PoolWiring;

/// <summary>LP deposits and withdrawals through the engine: queues, delays, NAV pricing, money moving in and out of capital.</summary>
public class LpQueueTests
{
    [Fact]
    public void Opening_the_pool_gives_the_capital_already_in_the_vault_to_the_seed_owner_as_junior_shares()
    {
        var v = PoolVault.Open();
        Assert.Equal(10_000_000m, v.Nav().Nav);
        Assert.Equal(10_000_000m, v.Pool().SharesOf(new AccountId("lp"), "junior"));
        Assert.Equal(1m, v.SharePrice("junior"));
        v.AssertClaimsSumToNav();
    }

    [Fact]
    public void A_queued_deposit_stays_out_of_nav_and_is_minted_at_the_share_price_after_the_delay()
    {
        var v = PoolVault.Open();
        v.Ok(new RequestLpDeposit(Carol, "senior", 100_000m));
        Assert.Equal(10_000_000m, v.Nav().Nav);
        Assert.Equal(100_000m, v.Pool().QueuedDepositTotal);
        Assert.Equal(v.QuoteIn(), v.QuoteHeld());

        v.Rejected(new ProcessLpQueues(Keeper), RejectionReason.NothingToProcess);
        v.Wait(PoolParameters.Week + 3_600);
        decimal price = v.SharePrice("senior");
        decimal capitalBefore = v.State.Capital(Asset.Quote);
        var events = Flatten(v.Process().Event).ToList();

        var processed = Assert.Single(events.OfType<DepositProcessed>());
        Assert.Equal(price, processed.SharePrice);
        Assert.Equal(Pool.PoolTestKit.RoundDown(100_000m / price, 12), v.Pool().SharesOf(Carol.Account, "senior"));
        Assert.Equal(capitalBefore + 100_000m, v.State.Capital(Asset.Quote));
        Assert.Equal(0m, v.Pool().QueuedDepositTotal);
        // Up to the 1e-12 rounding of the senior target claim (its dust goes to the junior tranche).
        Assert.True(v.SharePrice("senior") >= price - 1e-12m);
        Assert.Equal(v.QuoteIn(), v.QuoteHeld());
        v.AssertClaimsSumToNav();
    }

    [Fact]
    public void A_withdrawal_pays_the_processing_time_price_less_the_fee_while_boards_are_live()
    {
        var v = PoolVault.Open();
        v.Ok(new RequestLpDeposit(Carol, "junior", 50_000m));
        v.Wait(PoolParameters.Week + 3_600);
        v.Process();
        decimal shares = v.Pool().SharesOf(Carol.Account, "junior");
        v.Ok(new RequestLpWithdrawal(Carol, "junior", shares));
        Assert.Equal(0m, v.Pool().SharesOf(Carol.Account, "junior"));

        v.Wait(PoolParameters.Week + 3_600);
        decimal price = v.SharePrice("junior");
        decimal capitalBefore = v.State.Capital(Asset.Quote);
        var paid = Assert.Single(Flatten(v.Process().Event).OfType<WithdrawalProcessed>());

        Assert.Equal(Pool.PoolTestKit.RoundDown(shares * price * 0.99m, 6), paid.Payout);
        Assert.Equal(capitalBefore - paid.Payout, v.State.Capital(Asset.Quote));
        Assert.True(paid.Payout <= 50_000m, "a deposit then a withdrawal returns no more than was deposited");
        Assert.True(v.SharePrice("junior") >= price, "the fee stays with the remaining LPs");
        Assert.Equal(v.QuoteIn(), v.QuoteHeld());
    }

    [Fact]
    public void Cancelling_a_queued_deposit_refunds_it_and_only_its_owner_may()
    {
        var v = PoolVault.Open();
        var requested = (DepositRequested)v.Ok(new RequestLpDeposit(Carol, "junior", 1_000m)).Event;
        v.Rejected(new CancelLpRequest(Dave, requested.RequestId), RejectionReason.Unauthorized);
        var cancelled = (RequestCancelled)v.Ok(new CancelLpRequest(Carol, requested.RequestId)).Event;
        Assert.Equal(1_000m, cancelled.RefundedQuote);
        Assert.Equal(0m, v.Pool().QueuedDepositTotal);
        Assert.Equal(v.QuoteIn(), v.QuoteHeld());
    }

    [Fact]
    public void Queues_are_processed_in_fifo_order_and_a_short_liquidity_processes_the_head_partially()
    {
        // Reserving the queued withdrawals takes free liquidity to 0, which would trip the liquidity breaker (Lyra); off here.
        var v = PoolVault.Open(PoolParameters.Default with { LiquidityCircuitBreakerThreshold = 0m });
        v.Ok(new RequestLpDeposit(Carol, "junior", 1_000m));
        v.Now += 10;
        v.Ok(new RequestLpDeposit(Dave, "junior", 2_000m));
        v.Wait(PoolParameters.Week + 3_600);
        var minted = Flatten(v.Process().Event).OfType<DepositProcessed>().Select(e => e.Account.Value).ToArray();
        Assert.Equal(["carol", "dave"], minted);

        // The seed owner asks for everything: the vault's 10M is mostly free, but Carol's small request queued first is paid first.
        v.Ok(new RequestLpWithdrawal(Carol, "junior", v.Pool().SharesOf(Carol.Account, "junior")));
        v.Ok(new RequestLpWithdrawal(Lp("lp"), "junior", 10_000_000m));
        // Alice's long puts (imported) lock strike notional: free liquidity falls below the seed owner's claim.
        v.Ok(new ImportPosition(TestVault.Admin, TestVault.Alice.Account, TestVault.Put(3500), 2_000m));
        v.Wait(PoolParameters.Week + 3_600);
        var paid = Flatten(v.Process().Event).OfType<WithdrawalProcessed>().ToArray();
        Assert.Equal(["carol", "lp"], paid.Select(e => e.Account.Value));
        Assert.False(paid[0].IsPartial);
        Assert.True(paid[1].IsPartial, "the seed owner's withdrawal is cut to the burnable liquidity");
        Assert.True(v.Pool().WithdrawalQueue("junior")[0].Amount > 0);
        Assert.Equal(v.QuoteIn(), v.QuoteHeld());
    }

    [Fact]
    public void A_stale_greek_cache_blocks_the_keeper_but_the_guardian_may_process_after_its_longer_delay()
    {
        var v = PoolVault.Open();
        v.Ok(new RequestLpDeposit(Carol, "junior", 1_000m));
        v.Now += PoolParameters.Week + 3_600; // no spot published: the cache is stale
        Assert.True(v.State.IsGlobalCacheStale(v.Now, v.State.Parameters));
        var r = v.Rejected(new ProcessLpQueues(Keeper), RejectionReason.NothingToProcess);
        Assert.Contains("stale", r.Message);
        v.Rejected(new ProcessLpQueues(TestVault.Admin), RejectionReason.NothingToProcess);

        v.Now += PoolParameters.Week;
        var processed = Assert.Single(Flatten(v.Process(TestVault.Admin).Event).OfType<DepositProcessed>());
        Assert.True(processed.ByGuardian);
    }

    [Fact]
    public void Board_settlement_trips_its_breaker_which_pauses_the_queues_until_it_clears()
    {
        var v = PoolVault.Open();
        v.Ok(new RequestLpDeposit(Carol, "junior", 1_000m));
        v.Now = TestVault.Expiry + 60;
        v.Ok(new UpdateSpot(TestVault.Oracle, 3000, v.Now));
        var settled = v.Ok(new SettleBoard(TestVault.Oracle, TestVault.Expiry));
        var tripped = settled.ToArray().OfType<CircuitBreakerTripped>().Single();
        Assert.Equal(CircuitBreakerKind.BoardSettlement, tripped.Kind);
        Assert.Equal(v.Now + PoolParameters.Default.BoardSettlementCircuitBreakerTimeout, tripped.ActiveUntil);

        Assert.Contains("BoardSettlement", v.Rejected(new ProcessLpQueues(Keeper), RejectionReason.NothingToProcess).Message);
        v.Now = tripped.ActiveUntil + 1;
        Assert.Single(Flatten(v.Process().Event).OfType<DepositProcessed>());
    }

    [Fact]
    public void An_iv_variance_breaker_fires_on_a_vol_jump_and_clears_once_the_gwav_catches_up()
    {
        var v = PoolVault.Open();
        v.Buy(TestVault.Call(3000), 10);
        v.Ok(new RequestLpDeposit(Carol, "junior", 1_000m));
        v.Wait(Day);
        v.Ok(new UpdateVol(TestVault.Oracle, TestVault.Expiry, 1.0, [], v.Now, 1.0));
        var tripped = (CircuitBreakerTripped)v.Ok(new UpdateCircuitBreakers(Keeper)).Event;
        Assert.Equal(CircuitBreakerKind.IvVariance, tripped.Kind);

        v.Wait(PoolParameters.Week);
        // The breaker's 12 h ran out long ago, but processing re-checks the book: the 1-day GWAV has caught up.
        Assert.Empty(v.Pool().ActiveCircuitBreakers(v.Now));
        Assert.Single(Flatten(v.Process().Event).OfType<DepositProcessed>());
    }

    [Fact]
    public void Replaying_the_events_gives_the_same_state_hash()
    {
        var v = PoolVault.Open();
        v.Ok(new RequestLpDeposit(Carol, "senior", 10_000m));
        v.Ok(new RequestLpDeposit(Dave, "junior", 5_000m));
        v.Buy(TestVault.Call(3250), 5);
        v.Wait(PoolParameters.Week + 3_600);
        v.Process();
        v.Ok(new RequestLpWithdrawal(Dave, "junior", 1_000m));
        Assert.Equal(v.State.StateHash(), v.Replay().StateHash());
        Assert.Equal(v.QuoteIn(), v.QuoteHeld());
    }

    [Fact]
    public void Instant_mode_mints_and_burns_at_once_and_a_round_trip_returns_no_more_than_was_deposited()
    {
        var v = PoolVault.Open(PoolParameters.Default with { InstantMode = true });
        v.Ok(new RequestLpDeposit(Carol, "senior", 12_345.678901m, Instant: true));
        decimal shares = v.Pool().SharesOf(Carol.Account, "senior");
        Assert.True(shares > 0);
        var paid = (WithdrawalProcessed)v.Ok(new RequestLpWithdrawal(Carol, "senior", shares, Instant: true)).Event;
        Assert.True(paid.Payout <= 12_345.678901m);
        Assert.Equal(v.QuoteIn(), v.QuoteHeld());
    }

    [Fact]
    public void With_trading_halted_by_a_breaker_a_trade_may_only_reduce_a_position()
    {
        var v = PoolVault.Open(PoolParameters.Default with { HaltTradingWhileBreakerActive = true });
        v.Buy(TestVault.Call(3000), 10);
        v.Wait(Day);
        v.Ok(new UpdateVol(TestVault.Oracle, TestVault.Expiry, 1.0, [], v.Now, 1.0));
        v.Ok(new UpdateCircuitBreakers(Keeper));
        v.Rejected(new Trade(TestVault.Alice, TestVault.Call(3000), Volatility.TradeDirection.Buy, 1, decimal.MaxValue), RejectionReason.CircuitBreakerActive);
        v.Sell(TestVault.Call(3000), 4);
    }
}
