using Ballast.Engine.Hedging;
using static Ballast.Engine.Tests.Hedging.RouterFixture;

namespace Ballast.Engine.Tests.Hedging;

/// <summary>Average-cost hedge accounting, fees, funding and NAV value, all exact in decimal.</summary>
public class HedgeBookTests
{
    private static HedgeFilled Fill(decimal quantity, decimal price, decimal fee = 0m, string venue = "v") =>
        new(T0, venue, "o", quantity, price, fee);

    [Fact]
    public void Adding_re_averages_the_entry_reducing_realises_and_flipping_reopens_at_the_fill_price()
    {
        var book = HedgeBook.Empty.Apply(Fill(10m, 100m)).Apply(Fill(10m, 110m));
        Assert.Equal(new VenueHedgePosition(20m, 105m, 0m, 0m, 0m), book.PositionOn("v"));

        book = book.Apply(Fill(-5m, 120m));                 // realise 5 × (120 − 105) = 75
        Assert.Equal(new VenueHedgePosition(15m, 105m, 75m, 0m, 0m), book.PositionOn("v"));

        book = book.Apply(Fill(-20m, 100m));                // close 15 at −5 each (−75), open 5 short at 100
        Assert.Equal(new VenueHedgePosition(-5m, 100m, 0m, 0m, 0m), book.PositionOn("v"));

        book = book.Apply(Fill(5m, 90m));                   // short closed with +50
        Assert.Equal(new VenueHedgePosition(0m, 0m, 50m, 0m, 0m), book.PositionOn("v"));
    }

    [Fact]
    public void Hedge_value_for_nav_is_realised_plus_unrealised_minus_fees_minus_funding()
    {
        var book = HedgeBook.Empty
            .Apply(Fill(-2m, 2_000m, fee: 2m, venue: "a"))
            .Apply(Fill(3m, 1_990m, fee: 3m, venue: "b"))
            .Apply(new FundingPaid(T0, "a", -1.5m, 0.1))      // short receives
            .Apply(new FundingPaid(T0, "b", 4.25m, 0.1));     // long pays
        Assert.Equal(1m, book.NetQuantity);
        Assert.Equal(5m, book.FeesPaid);
        Assert.Equal(2.75m, book.NetFundingPaid);
        // at 2,010: a unrealised −2 × 10 = −20, b 3 × 20 = 60
        Assert.Equal(40m, book.UnrealizedPnl(2_010m));
        Assert.Equal(40m - 5m - 2.75m, book.Value(2_010m));
        Assert.Equal(book.Value(2_010m), book.Value(new Dictionary<string, decimal> { ["a"] = 2_010m, ["b"] = 2_010m }));
    }

    [Fact]
    public void Replaying_the_same_events_gives_the_same_book()
    {
        HedgeEvent[] events = [Fill(1.5m, 2_001m, 0.3m), new FundingPaid(T0, "v", 0.01m, 0.05), Fill(-0.7m, 2_003.5m, 0.1m), Fill(2m, 1_999m, 0.4m, "w")];
        var once = HedgeBook.Empty.ApplyAll(events);
        var twice = HedgeBook.Empty.ApplyAll(events);
        Assert.Equal(once.Venues.ToList(), twice.Venues.ToList());
        Assert.Equal(["v", "w"], once.Venues.Keys);
    }

    [Fact]
    public void Under_hedged_health_is_journaled_as_an_event()
    {
        var health = new HedgeHealth(HedgeStatus.UnderHedged, UnderHedgeReason.VenueFailures, 3m, "all venues down");
        var book = HedgeBook.Empty.Apply(new HedgeHealthChanged(T0, health));
        Assert.True(book.Health.IsUnderHedged);
        Assert.Equal(HedgeStatus.Hedged, book.Apply(new HedgeHealthChanged(T0, HedgeHealth.Hedged)).Health.Status);
    }

    [Fact]
    public void Invalid_events_are_typed_rejections_and_applying_one_anyway_throws_without_changing_the_book()
    {
        Assert.Equal(HedgeBookError.ZeroQuantity, HedgeBook.Validate(Fill(0m, 100m), out _));
        Assert.Equal(HedgeBookError.NonPositivePrice, HedgeBook.Validate(Fill(1m, 0m), out _));
        Assert.Equal(HedgeBookError.NegativeFee, HedgeBook.Validate(Fill(1m, 100m, -1m), out _));
        Assert.Equal(HedgeBookError.MissingVenue, HedgeBook.Validate(Fill(1m, 100m, venue: ""), out _));
        Assert.Equal(HedgeBookError.MissingVenue, HedgeBook.Validate(new FundingPaid(T0, "", 1m, 0), out _));

        var book = HedgeBook.Empty.Apply(Fill(1m, 100m));
        Assert.Throws<ArgumentException>(() => book.Apply(Fill(1m, -5m)));
        Assert.Equal(new VenueHedgePosition(1m, 100m, 0m, 0m, 0m), book.PositionOn("v"));
    }
}
