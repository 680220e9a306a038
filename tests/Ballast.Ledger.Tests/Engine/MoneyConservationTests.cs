using Ballast.Engine.Events;
using Ballast.Engine.Markets;
using Ballast.Engine.State;
using Ballast.Engine.Volatility;
using Ballast.Ledger.Engine;
using Ballast.Ledger.Verification;

namespace Ballast.Ledger.Tests.Engine;

public class MoneyConservationTests
{
    private const string Stream = "vault-eth";

    [Fact]
    public async Task Money_is_conserved_after_every_event_of_a_seeded_scenario_with_settlement()
    {
        await using var ledger = await LedgerFixture.OpenAsync();
        var live = await EngineScenario.RunAsync(ledger.Store, Stream, seed: 21, steps: 150);
        var fold = new VaultReplayFold();

        var report = await LedgerVerifier.VerifyAsync(ledger.Store, Stream, fold);

        Assert.True(report.IsSound);
        Assert.True(fold.Money.Holds, fold.Money.FirstFailure?.Message);
        Assert.Equal(live.Events.Count, fold.Money.EventsChecked);
        Assert.Equal(10_000_000m + 2_000_000m - 1000m, fold.Money.NetDeposits(Asset.Quote));
        Assert.Equal(200m, fold.Money.NetDeposits(Asset.Base));
    }

    [Fact]
    public async Task Money_is_conserved_through_margin_liquidations_insurance_payouts_and_socialised_losses()
    {
        await using var ledger = await LedgerFixture.OpenAsync();
        var live = await EngineScenario.RunMarginAsync(ledger.Store, Stream, seed: 7, traders: 12, gapSpot: 1800);
        var fold = new VaultReplayFold();

        var report = await LedgerVerifier.VerifyAsync(ledger.Store, Stream, fold);

        Assert.Contains(live.Events, e => e is AccountLiquidated);       // the scenario really liquidated someone
        Assert.Contains(live.Events, e => e is InsolvencyCovered);       // and someone was insolvent
        Assert.True(report.IsSound);
        Assert.True(fold.Money.Holds, fold.Money.FirstFailure?.Message);
        Assert.Equal(live.Events.Count, fold.Money.EventsChecked);
    }

    [FsCheck.Xunit.Property(MaxTest = 5)]
    public bool Money_is_conserved_for_any_seeded_scenario(int seed)
    {
        var ledger = LedgerFixture.OpenAsync().GetAwaiter().GetResult();
        try
        {
            var live = EngineScenario.RunAsync(ledger.Store, Stream, seed, steps: 25).GetAwaiter().GetResult();
            var check = new MoneyConservationCheck();
            var state = new VaultState();
            long sequence = 0;
            foreach (var e in live.Events)
            {
                state.Apply(e);
                check.Observe(++sequence, e, state);
            }

            return check.Holds;
        }
        finally
        {
            ledger.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    [Fact]
    public async Task A_forged_withdrawal_that_overdraws_a_trader_is_caught_at_its_sequence()
    {
        await using var ledger = await LedgerFixture.OpenAsync();
        var live = await EngineScenario.RunAsync(ledger.Store, Stream, seed: 22, steps: 30);
        // Chain-valid but never decided: appended straight to the store, as a buggy or malicious writer could.
        var forged = new CollateralWithdrawn(live.Now, EngineScenario.Bob.Account, Asset.Quote, 50_000_000m);
        await ledger.Store.AppendAsync(Stream, live.Events.Count, [VaultEventCodec.Instance.Encode(forged).ToNewRecord()], "forged");
        var fold = new VaultReplayFold();

        var report = await LedgerVerifier.VerifyAsync(ledger.Store, Stream, fold);

        Assert.True(report.IsSound); // the chain is fine: only the money check sees it
        var failure = fold.Money.FirstFailure!;
        Assert.Equal(live.Events.Count + 1, failure.Sequence);
        Assert.Equal("CollateralWithdrawn", failure.EventType);
        Assert.Contains("account 'bob'", failure.Message);
    }

    [Fact]
    public async Task A_tampered_trade_with_a_negative_fee_that_mints_vault_capital_is_caught()
    {
        await using var ledger = await LedgerFixture.OpenAsync();
        var live = await EngineScenario.RunAsync(ledger.Store, Stream, seed: 23, steps: 30, settle: false);
        var trade = live.Events.OfType<TradeExecuted>().First(t => t.Direction == TradeDirection.Buy);
        // Capital grows by Payment − Fees: a fee of −1,000,000 USDC adds a million to capital that nobody deposited.
        var tampered = trade with { Time = live.Now, Fees = -1_000_000m };
        await ledger.Store.AppendAsync(Stream, live.Events.Count, [VaultEventCodec.Instance.Encode(tampered).ToNewRecord()], "tampered");
        var fold = new VaultReplayFold();

        await LedgerVerifier.VerifyAsync(ledger.Store, Stream, fold);

        var failure = fold.Money.FirstFailure!;
        Assert.Equal(live.Events.Count + 1, failure.Sequence);
        Assert.Equal("TradeExecuted", failure.EventType);
        Assert.Equal(Asset.Quote, failure.Asset);
        Assert.Contains("fees are negative", failure.Message);
    }
}
