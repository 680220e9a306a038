using System.Text;
using Ballast.Engine;
using Ballast.Engine.Commands;
using Ballast.Engine.Events;
using Ballast.Engine.Hedging;
using Ballast.Engine.Markets;
using Ballast.Engine.Parameters;
using Ballast.Engine.State;
using Ballast.Ledger.Engine;
using Ballast.Ledger.Verification;

namespace Ballast.Ledger.Tests.Engine;

public class HedgeEventLedgerTests
{
    private const string Stream = "vault-hedged";
    private const long T0 = 1_780_000_000;
    private static readonly Principal Admin = new(new AccountId("admin"), Role.Admin);
    private static readonly Principal Hedger = new(new AccountId("hedger"), Role.Keeper);

    public static TheoryData<Event> HedgeEvents() =>
    [
        new HedgeFillBooked(T0, "perp-a", "perp-a-17", -1.23456789m, 3012.34567891m, 1.858712m),
        new HedgeFundingBooked(T0 + 8 * 3600, "perp-a", -0.731203m, -0.0425),
        new HedgeHealthReported(T0 + 9, HedgeStatus.UnderHedged, UnderHedgeReason.VenueFailures, 0.5m, "perp-a: Outage (venue down)"),
        new HedgeHealthReported(T0 + 10, HedgeStatus.Hedged, UnderHedgeReason.None, 0m, ""),
    ];

    [Theory]
    [MemberData(nameof(HedgeEvents))]
    public void Every_hedge_event_round_trips_to_an_equal_event(Event e)
    {
        var encoded = VaultEventCodec.Instance.Encode(e);

        Assert.Equal(e.GetType().Name, encoded.EventType);
        Assert.True(VaultEventCodec.Instance.TryDecode(encoded.EventType, encoded.Payload.Span, out var back), Encoding.UTF8.GetString(encoded.Payload.Span));
        Assert.Equal(e, back);
    }

    [Fact]
    public async Task A_hedged_vault_recovers_from_its_ledger_with_the_same_hash_and_money_conserved_through_fees_and_funding()
    {
        await using var ledger = await LedgerFixture.OpenAsync();
        var state = new VaultState();
        long appended = 0, now = T0;
        async Task Ok(Command c)
        {
            var d = Vault.Decide(state, c, now);
            Assert.True(d.IsAccepted, d.Rejection?.ToString());
            var events = d.ToArray();
            var result = await ledger.Store.AppendAsync(Stream, appended, [.. events.Select(e => VaultEventCodec.Instance.Encode(e).ToNewRecord())], $"c{appended}");
            Assert.Equal(AppendOutcome.Appended, result.Outcome);
            foreach (var e in events) state.Apply(e);
            appended += events.Length;
            now += 60;
        }

        await Ok(new OpenVault(Admin, new MarketDefinition("ETH", "USDC", SettlementStyle.Linear), VaultParameters.Default));
        await Ok(new DepositCapital(Admin, new AccountId("lp"), Asset.Quote, 1_000_000m));
        await Ok(new BookHedgeFill(Hedger, "perp-a", "a-1", 2.5m, 3000.12345678m, 3.75001m));
        await Ok(new BookHedgeFill(Hedger, "perp-b", "b-1", -1m, 3001m, 1.5m));
        await Ok(new BookHedgeFunding(Hedger, "perp-a", 0.912345m, 0.11));   // paid
        await Ok(new BookHedgeFunding(Hedger, "perp-b", -0.25m, 0.11));      // received
        await Ok(new BookHedgeFill(Hedger, "perp-a", "a-2", -1m, 3050m, 1.525m));
        await Ok(new ReportHedgeHealth(Hedger, HedgeStatus.UnderHedged, UnderHedgeReason.CapsExhausted, -0.2m, "perp-a: cap"));
        await ledger.ReopenAsync();

        var recovered = await VaultRecovery.RecoverAsync(ledger.Store, Stream);
        var fold = new VaultReplayFold();
        var report = await LedgerVerifier.VerifyAsync(ledger.Store, Stream, fold);

        Assert.True(recovered.IsComplete, recovered.Fault?.Message);
        Assert.Equal(state.StateHash(), recovered.State.StateHash());
        Assert.Equal(0.5m, recovered.State.HedgePosition); // 2.5 on perp-a − 1 there − 1 on perp-b
        Assert.True(report.IsSound);
        Assert.True(fold.Money.Holds, fold.Money.FirstFailure?.Message);
        // Net external quote: capital in, minus fees (3.75001 + 1.5 + 1.525) and net funding (0.912345 − 0.25) paid to venues.
        Assert.Equal(1_000_000m - 6.77501m - 0.662345m, fold.Money.NetDeposits(Asset.Quote));
    }
}
