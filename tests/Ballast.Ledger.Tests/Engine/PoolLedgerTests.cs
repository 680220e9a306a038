using System.Text;
using Ballast.Engine;
using Ballast.Engine.Commands;
using Ballast.Engine.Events;
using Ballast.Engine.Markets;
using Ballast.Engine.Parameters;
using Ballast.Engine.Pool;
using Ballast.Engine.Pool.Events;
using Ballast.Engine.State;
using Ballast.Engine.Volatility;
using Ballast.Ledger.Engine;
using Ballast.Ledger.Verification;
using Ballast.Pricing;

namespace Ballast.Ledger.Tests.Engine;

/// <summary>The liquidity pool's events in the ledger: every type round-trips, money (LP flows included) is conserved on replay.</summary>
public class PoolLedgerTests
{
    private const string Stream = "vault-pool";

    [Fact]
    public async Task Every_pool_event_type_round_trips_through_the_codec()
    {
        await using var ledger = await LedgerFixture.OpenAsync();
        var events = await PoolScenario.RunAsync(ledger.Store, Stream);
        var seen = events.SelectMany(e => e is PoolEventBatch b ? b.Changes.Prepend(e) : [e]).Select(e => e.GetType()).ToHashSet();
        foreach (var type in new[] { typeof(PoolOpened), typeof(DepositRequested), typeof(WithdrawalRequested), typeof(RequestCancelled),
                     typeof(DepositProcessed), typeof(WithdrawalProcessed), typeof(CircuitBreakerTripped), typeof(PoolEventBatch) })
            Assert.Contains(type, seen);

        foreach (var e in events.Append(new TrancheTargetReset(1, "senior", 1.01m)).Append(new PoolMarked(2, 10m, new PnlAttribution(1m, 2m, 3m))))
        {
            var encoded = VaultEventCodec.Instance.Encode(e);
            Assert.Equal(e.GetType().Name, encoded.EventType);
            Assert.True(VaultEventCodec.Instance.TryDecode(encoded.EventType, encoded.Payload.Span, out var back), encoded.EventType);
            Assert.Equal(e.GetType(), back!.GetType());
            Assert.Equal(Encoding.UTF8.GetString(encoded.Payload.Span), Encoding.UTF8.GetString(VaultEventCodec.Instance.Encode(back).Payload.Span));
        }
    }

    [Fact]
    public void A_pool_event_is_stored_as_the_engines_polymorphic_json_with_its_account_id()
    {
        var e = new DepositRequested(1_780_000_000, 3, new AccountId("carol"), "senior", 2500.5m);
        Assert.Equal("""{"type":"DepositRequested","RequestId":3,"Account":{"Value":"carol"},"Tranche":"senior","Amount":2500.5,"Time":1780000000}""",
            Encoding.UTF8.GetString(VaultEventCodec.Instance.Encode(e).Payload.Span));
    }

    [Fact]
    public async Task Money_including_lp_deposits_and_withdrawals_is_conserved_and_replay_gives_the_live_state()
    {
        await using var ledger = await LedgerFixture.OpenAsync();
        var events = await PoolScenario.RunAsync(ledger.Store, Stream);
        var live = new VaultState();
        foreach (var e in events) live.Apply(e);
        var fold = new VaultReplayFold();

        var report = await LedgerVerifier.VerifyAsync(ledger.Store, Stream, fold);

        Assert.True(report.IsSound);
        Assert.True(fold.Money.Holds, fold.Money.FirstFailure?.Message);
        Assert.Equal(events.Count, fold.Money.EventsChecked);
        Assert.Equal(live.StateHash(), fold.State.StateHash());
        Assert.True(fold.Money.NetDeposits(Asset.Quote) > 12_000_000m, "LP deposits were counted as money in");
    }

    [Fact]
    public void The_money_check_catches_an_lp_payout_that_the_state_did_not_take_out_of_capital()
    {
        var check = new MoneyConservationCheck();
        var state = new VaultState();
        // A payout recorded in an event the state never applied: the check counts money out that is still held.
        var e = new WithdrawalProcessed(1, 0, new AccountId("carol"), "junior", 1m, 1m, 0m, 1m, 0m, 1m, false);
        Assert.False(check.Observe(1, e, state));
        Assert.Contains("Quote", check.FirstFailure!.Message);
    }

    /// <summary>A vault with a pool: LPs deposit (queued and instant), traders trade, queues process, a withdrawal is cancelled,
    /// the board settles (breaker) and the queues run again.</summary>
    private static class PoolScenario
    {
        private const long T0 = 1_780_000_000;
        private static readonly long Expiry = T0 + 7 * 86_400;
        private static readonly Principal Admin = new(new AccountId("admin"), Role.Admin);
        private static readonly Principal Governor = new(new AccountId("gov"), Role.Governor);
        private static readonly Principal Oracle = new(new AccountId("oracle"), Role.Oracle);
        private static readonly Principal Alice = new(new AccountId("alice"), Role.Trader);
        private static readonly Principal Keeper = new(new AccountId("keeper"), Role.Keeper);
        private static readonly Principal Carol = new(new AccountId("carol"), Role.LiquidityProvider);
        private static readonly Principal Dave = new(new AccountId("dave"), Role.LiquidityProvider);

        public static async Task<List<Event>> RunAsync(IEventStore store, string stream)
        {
            var state = new VaultState();
            var events = new List<Event>();
            long now = T0;
            int commands = 0;
            async Task<Decision> Ok(Command c)
            {
                var d = Vault.Decide(state, c, now);
                if (!d.IsAccepted) throw new InvalidOperationException($"{c.GetType().Name} rejected: {d.Rejection}");
                var batch = d.ToArray();
                var result = await store.AppendAsync(stream, events.Count, [.. batch.Select(e => VaultEventCodec.Instance.Encode(e).ToNewRecord())], $"cmd-{++commands}");
                if (result.Outcome != AppendOutcome.Appended) throw new InvalidOperationException($"append failed: {result.Outcome}");
                foreach (var e in batch) { state.Apply(e); events.Add(e); }
                return d;
            }

            async Task Wait(long seconds)
            {
                now += seconds;
                await Ok(new UpdateSpot(Oracle, 3000, now));
            }

            await Ok(new OpenVault(Admin, new MarketDefinition("ETH", "USDC", SettlementStyle.Linear), VaultParameters.Default));
            await Ok(new DepositCapital(Admin, new AccountId("lp"), Asset.Quote, 10_000_000m));
            await Ok(new ListBoard(Governor, Expiry, 0.8));
            foreach (decimal k in new[] { 2750m, 3000m, 3250m }) await Ok(new ListStrike(Governor, Expiry, k, 1.0));
            await Ok(new UpdateSpot(Oracle, 3000, now));
            await Ok(new OpenPool(Admin, [new TrancheConfig("senior", 0, 0.05m), new TrancheConfig("junior", 1, null)],
                PoolParameters.Default with { DepositDelay = 3_600, WithdrawalDelay = 3_600, InstantMode = true }, new AccountId("lp")));
            await Ok(new DepositCollateral(Alice, Asset.Quote, 1_000_000m));
            await Ok(new RequestLpDeposit(Carol, "senior", 1_000_000m));
            await Ok(new RequestLpDeposit(Dave, "junior", 1_000_000m, Instant: true));
            await Ok(new RequestLpDeposit(Dave, "junior", 500_000m));
            await Ok(new Trade(Alice, new SeriesId(Expiry, 3000m, OptionType.Call), TradeDirection.Buy, 5, decimal.MaxValue));
            await Wait(2 * 3_600);
            await Ok(new ProcessLpQueues(Keeper));
            await Ok(new RequestLpWithdrawal(Dave, "junior", 100_000m));
            var second = (WithdrawalRequested)(await Ok(new RequestLpWithdrawal(Dave, "junior", 50_000m))).Event;
            await Ok(new CancelLpRequest(Dave, second.RequestId));
            await Wait(2 * 3_600);
            await Ok(new ProcessLpQueues(Keeper));
            await Ok(new RequestLpWithdrawal(Carol, "senior", 500_000m));
            now = Expiry + 60;
            await Ok(new UpdateSpot(Oracle, 3100, now));
            await Ok(new SettleBoard(Oracle, Expiry));
            now += PoolParameters.Default.BoardSettlementCircuitBreakerTimeout + 1;
            await Ok(new ProcessLpQueues(Keeper));
            return events;
        }
    }
}
