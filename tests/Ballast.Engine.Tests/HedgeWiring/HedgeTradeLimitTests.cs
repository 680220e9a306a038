using Ballast.Engine.Commands;
using Ballast.Engine.Hedging;
using Ballast.Engine.Parameters;
using Ballast.Engine.Volatility;
using static Ballast.Engine.Tests.HedgeWiring.HedgeAccountingTests;
using static Ballast.Engine.Tests.Support.TestVault;

namespace Ballast.Engine.Tests.HedgeWiring;

public class HedgeTradeLimitTests
{
    private static ReportHedgeHealth UnderHedged =>
        new(Hedger, HedgeStatus.UnderHedged, UnderHedgeReason.NoEligibleVenue, -3m, "every venue is down");

    private static ReportHedgeHealth Hedged => new(Hedger, HedgeStatus.Hedged, UnderHedgeReason.None, 0m, "");

    [Fact]
    public void While_under_hedged_a_trade_that_grows_the_unhedged_delta_is_refused_as_hedging_unavailable()
    {
        var v = Open();
        v.Buy(Call(3000), 5);            // vault short calls: net delta ≈ −2.7
        v.Ok(UnderHedged);

        var rejection = v.Rejected(new Trade(Alice, Call(3250), TradeDirection.Buy, 2, decimal.MaxValue), RejectionReason.HedgingUnavailable);
        Assert.Contains("under-hedged", rejection.Message);
        Assert.Equal(RejectionReason.HedgingUnavailable, Vault.Quote(v.State, Call(3250), TradeDirection.Buy, 2, v.Now).Rejection!.Reason);
        v.Sell(Call(3000), 2);           // reduces |delta|: allowed (Lyra canHedge)
        v.Ok(Hedged);
        v.Buy(Call(3250), 2);            // hedging works again
    }

    [Fact]
    public void A_delta_cap_counts_the_hedge_so_a_hedged_vault_may_take_more_option_delta()
    {
        var parameters = VaultParameters.Default with { MaxGlobalNetDelta = 6 };
        var unhedged = Open(parameters);
        var hedged = Open(parameters);
        foreach (var v in new[] { unhedged, hedged })
        {
            v.Buy(Call(3000), 5);
            v.Buy(Call(2750), 4);        // option delta ≈ −5.6
        }

        hedged.Ok(new BookHedgeFill(Hedger, "perp-a", "o-1", 5m, 3000m, 0m)); // net delta ≈ −0.6

        unhedged.Rejected(new Trade(Alice, Call(3250), TradeDirection.Buy, 4, decimal.MaxValue), RejectionReason.GlobalDeltaCap);
        hedged.Buy(Call(3250), 4);
        Assert.True(Math.Abs(hedged.State.NetDelta) <= 6, $"net delta {hedged.State.NetDelta}");
        Assert.True(Math.Abs(hedged.State.Exposure.Delta) > 6, "the option delta alone is beyond the cap: the hedge made room");
    }

    [Fact]
    public void A_delta_cap_with_hedging_unavailable_rejects_a_trade_the_cap_alone_would_allow()
    {
        var v = Open(VaultParameters.Default with { MaxGlobalNetDelta = 100 });
        v.Buy(Call(3000), 5);
        v.Ok(new BookHedgeFill(Hedger, "perp-a", "o-1", 1m, 3000m, 0m));
        v.Ok(UnderHedged);

        v.Rejected(new Trade(Alice, Put(3000), TradeDirection.Sell, 3, 0m), RejectionReason.HedgingUnavailable);
    }

    [Fact]
    public void Hedge_value_enters_the_nav_the_vega_utilisation_fee_is_computed_on()
    {
        var flat = Open();
        var hedged = Open();
        hedged.Ok(new BookHedgeFill(Hedger, "perp-a", "o-1", -1000m, 5000m, 0m)); // short 1,000 at 5,000, spot 3,000: +2M of hedge value
        // The hedge changes the inventory term too, so compare the fee component only.
        var a = flat.Quote(Call(3000), TradeDirection.Buy, 50);
        var b = hedged.Quote(Call(3000), TradeDirection.Buy, 50);
        Assert.Equal(2_000_000.0, hedged.State.HedgeValue(hedged.State.Spot), 6);
        Assert.True(b.VegaUtilFee < a.VegaUtilFee, $"vega util fee {b.VegaUtilFee} should fall with a larger NAV ({a.VegaUtilFee})");
    }
}
