using Ballast.Engine.Commands;
using Ballast.Engine.Events;
using Ballast.Engine.Hedging;
using Ballast.Engine.Markets;
using Ballast.Engine.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Ballast.Engine.Tests.Support.TestVault;

namespace Ballast.Engine.Tests.HedgeWiring;

public class HedgeAccountingTests
{
    public static readonly Principal Hedger = new(new AccountId("hedger"), Role.Keeper);

    private static BookHedgeFill Fill(decimal quantity, decimal price, decimal fee = 0m, string venue = "perp-a") =>
        new(Hedger, venue, "o-1", quantity, price, fee);

    [Property(MaxTest = 60)]
    public bool A_hedge_fill_moves_net_delta_by_exactly_its_size(int units, int cents)
    {
        decimal quantity = units == 0 ? 0.5m : units % 1_000_000 / 1000m + (units > 0 ? 0.001m : -0.001m);
        var v = Open();
        v.Buy(Call(3000), 3); // an option book, so net delta starts away from zero
        decimal positionBefore = v.State.HedgePosition;
        double netBefore = v.State.NetDelta;

        v.Ok(Fill(quantity, 3000m + Math.Abs(cents % 10_000) / 100m));

        return v.State.HedgePosition - positionBefore == quantity
            && v.State.HedgeDelta == (double)quantity
            && Math.Abs(v.State.NetDelta - netBefore - (double)quantity) <= 1e-12 * (1 + Math.Abs(netBefore));
    }

    [Fact]
    public void Hedge_value_is_the_price_pnl_realised_and_unrealised_at_the_mark()
    {
        var v = Open();
        v.Ok(Fill(2m, 3000m));
        v.Ok(Fill(-1m, 3100m));       // realises 1 × (3100 − 3000) = 100

        Assert.Equal(1m, v.State.HedgePosition);
        Assert.Equal(300m, v.State.HedgeValue(3200m)); // 100 realised + 1 × (3200 − 3000)
        Assert.Equal(300.0, v.State.HedgeValue(3200.0), 9);
        Assert.Equal(100m - 3000m, v.State.HedgeValue(0m)); // marked at 0 the open long loses its whole entry
    }

    [Fact]
    public void A_fee_leaves_quote_capital_rounded_up_to_the_quote_decimals()
    {
        var v = Open();
        decimal before = v.State.Capital(Asset.Quote);

        var booked = (HedgeFillBooked)v.Ok(Fill(1m, 3000m, fee: 1.50000001m)).Event;

        Assert.Equal(1.500001m, booked.Fee);
        Assert.Equal(before - 1.500001m, v.State.Capital(Asset.Quote));
        Assert.Equal(1.500001m, v.State.Hedges.FeesPaid);
        Assert.Equal(v.MoneyIn(Asset.Quote), v.TotalMoney(Asset.Quote));
    }

    [Property(MaxTest = 40)]
    public bool Funding_paid_and_received_is_conserved_exactly(int seed)
    {
        var r = new Random(seed);
        var v = Open();
        decimal capital = v.State.Capital(Asset.Quote), costs = 0m;
        for (int i = 0; i < 12; i++)
        {
            var fill = (HedgeFillBooked)v.Ok(Fill(r.Next(-500, 500) / 100m + 0.001m, 2900m + r.Next(0, 20_000) / 100m, fee: r.Next(0, 1_000_000) / 1e6m,
                venue: r.Next(2) == 0 ? "perp-a" : "perp-b")).Event;
            costs += fill.Fee;
            var funding = (HedgeFundingBooked)v.Ok(new BookHedgeFunding(Hedger, fill.VenueId, (r.Next(-1_000_000, 1_000_000) + 1) / 1e4m, 0.1)).Event;
            costs += funding.Amount;
        }

        return v.State.Capital(Asset.Quote) == capital - costs
            && v.State.Hedges.FeesPaid + v.State.Hedges.NetFundingPaid == costs
            && v.TotalMoney(Asset.Quote) == v.MoneyIn(Asset.Quote);
    }

    [Fact]
    public void Replay_of_hedge_events_gives_the_same_hash_and_hedging_changes_the_hash()
    {
        var v = Open();
        string unhedged = v.State.StateHash();
        v.Ok(Fill(1.25m, 3000m, fee: 1.875m));
        v.Ok(new BookHedgeFunding(Hedger, "perp-a", -0.42m, -0.05));
        v.Ok(new ReportHedgeHealth(Hedger, HedgeStatus.UnderHedged, UnderHedgeReason.PartialFills, 0.5m, "0.5 of 1.75 unfilled"));

        var replayed = v.Replay();

        Assert.Equal(v.State.StateHash(), replayed.StateHash());
        Assert.Equal(v.State.Hedges.Venues.ToArray(), replayed.Hedges.Venues.ToArray());
        Assert.Equal(v.State.HedgeHealth, replayed.HedgeHealth);
        Assert.Equal(v.State.HedgeValue(3100m), replayed.HedgeValue(3100m));
        Assert.NotEqual(unhedged, v.State.StateHash());
    }

    [Fact]
    public void A_vault_that_never_hedged_keeps_its_hash_and_a_health_report_changes_it()
    {
        var a = Open();
        var b = Open();
        Assert.Equal(a.State.StateHash(), b.State.StateHash());
        b.Ok(new ReportHedgeHealth(Hedger, HedgeStatus.UnderHedged, UnderHedgeReason.NoEligibleVenue, 1m, "all venues down"));
        Assert.NotEqual(a.State.StateHash(), b.State.StateHash());
    }

    [Fact]
    public void Bad_hedge_input_is_refused_with_a_typed_reason_and_changes_nothing()
    {
        var v = Open();
        v.Rejected(Fill(1m, 3000m) with { By = Alice }, RejectionReason.Unauthorized);
        v.Rejected(Fill(0m, 3000m), RejectionReason.InvalidSize);
        v.Rejected(Fill(0.000000001m, 3000m), RejectionReason.InvalidSize);
        v.Rejected(Fill(1m, 0m), RejectionReason.InvalidInput);
        v.Rejected(Fill(1m, -5m), RejectionReason.InvalidInput);
        v.Rejected(Fill(1m, 3000m, fee: -1m), RejectionReason.InvalidInput);
        v.Rejected(Fill(1m, 3000m, venue: ""), RejectionReason.InvalidInput);
        v.Rejected(Fill(1m, 3000m, fee: 20_000_000m), RejectionReason.InsufficientLiquidity);
        v.Rejected(new BookHedgeFunding(Hedger, "perp-a", 5m, 0.1), RejectionReason.InvalidInput);   // no fill on that venue yet
        v.Ok(Fill(1m, 3000m));
        v.Rejected(new BookHedgeFunding(Hedger, "perp-a", 5m, double.NaN), RejectionReason.InvalidInput);
        v.Rejected(new BookHedgeFunding(Hedger, "perp-a", 0m, 0.1), RejectionReason.InvalidInput);
        v.Rejected(new BookHedgeFunding(Hedger, "perp-a", -0.0000001m, 0.1), RejectionReason.InvalidInput); // rounds to zero
        v.Rejected(new ReportHedgeHealth(Hedger, HedgeStatus.Hedged, UnderHedgeReason.PartialFills, 0m, ""), RejectionReason.InvalidInput);
        v.Rejected(new ReportHedgeHealth(Hedger, HedgeStatus.UnderHedged, UnderHedgeReason.None, 1m, ""), RejectionReason.InvalidInput);
        v.Rejected(new ReportHedgeHealth(Hedger, (HedgeStatus)7, UnderHedgeReason.None, 0m, ""), RejectionReason.InvalidInput);
        v.Rejected(new ReportHedgeHealth(Hedger, HedgeStatus.UnderHedged, UnderHedgeReason.CapsExhausted, 1m, null!), RejectionReason.InvalidInput);
        Assert.Equal(v.MoneyIn(Asset.Quote), v.TotalMoney(Asset.Quote));
    }
}
