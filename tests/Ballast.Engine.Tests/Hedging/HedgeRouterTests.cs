using Ballast.Engine.Hedging;
using static Ballast.Engine.Tests.Hedging.RouterFixture;

namespace Ballast.Engine.Tests.Hedging;

/// <summary>Routing choices under different fees, depth, funding, caps and health.</summary>
public class HedgeRouterTests
{
    [Fact]
    public void A_small_hedge_goes_entirely_to_the_cheaper_venue()
    {
        var cheap = new ScriptedVenue("cheap") { TakerFee = 0.0002 };
        var dear = new ScriptedVenue("dear") { TakerFee = 0.0006 };
        var execution = Execute(3m, Route(dear), Route(cheap));
        Assert.Equal(3m, execution.FilledOn("cheap"));
        Assert.Empty(dear.Orders);
        Assert.Equal(HedgeStatus.Hedged, execution.Health.Status);
    }

    [Fact]
    public void A_large_hedge_is_split_because_impact_grows_with_size()
    {
        var a = new ScriptedVenue("a");
        var b = new ScriptedVenue("b");
        var execution = Execute(-400m, Route(a), Route(b));
        // Equal venues and convex impact: an even split is cheapest.
        Assert.Equal(-200m, execution.FilledOn("a"));
        Assert.Equal(-200m, execution.FilledOn("b"));
    }

    [Fact]
    public void The_deeper_book_takes_the_larger_share()
    {
        var deep = new ScriptedVenue("deep") { Depth = new(0.0001, 0.0005, 1_000, 10_000) };
        var thin = new ScriptedVenue("thin") { Depth = new(0.0001, 0.0005, 10, 10_000) };
        var execution = Execute(200m, Route(thin), Route(deep));
        Assert.True(execution.FilledOn("deep") > 3 * execution.FilledOn("thin"), $"deep {execution.FilledOn("deep")}, thin {execution.FilledOn("thin")}");
        Assert.Equal(200m, execution.FilledOn("deep") + execution.FilledOn("thin"));
    }

    [Fact]
    public void Funding_carry_steers_buys_away_from_a_venue_where_longs_pay_and_sells_toward_it()
    {
        // 50 %/year over a 1-day horizon ≈ 13.7 bp, more than the 4 bp fee difference.
        var expensiveFunding = new ScriptedVenue("longs-pay") { TakerFee = 0.0002, FundingRate = 0.5 };
        var neutral = new ScriptedVenue("neutral") { TakerFee = 0.0006 };
        Assert.Equal(2m, Execute(2m, Route(expensiveFunding), Route(neutral)).FilledOn("neutral"));

        var again = new ScriptedVenue("longs-pay") { TakerFee = 0.0002, FundingRate = 0.5 };
        Assert.Equal(-2m, Execute(-2m, Route(again), Route(new ScriptedVenue("neutral") { TakerFee = 0.0006 })).FilledOn("longs-pay"));
    }

    [Fact]
    public void A_venue_that_is_down_is_skipped_and_the_hedge_goes_elsewhere()
    {
        var down = new ScriptedVenue("down") { TakerFee = 0.0001, Down = true };
        var up = new ScriptedVenue("up");
        var execution = Execute(5m, Route(down), Route(up));
        Assert.Equal(5m, execution.FilledOn("up"));
        Assert.Empty(down.Orders);
        var failure = Assert.Single(execution.Failures);
        Assert.Equal(("down", VenueError.Outage), (failure.VenueId, failure.Error));
        Assert.Equal(HedgeStatus.Hedged, execution.Health.Status);
    }

    [Fact]
    public void Per_venue_order_and_position_caps_push_the_rest_to_the_next_venue()
    {
        var cheap = new ScriptedVenue("cheap") { TakerFee = 0.0001 };
        var other = new ScriptedVenue("other");
        var execution = Execute(30m, Route(cheap, maxOrder: 12m), Route(other));
        Assert.Equal(12m, execution.FilledOn("cheap"));
        Assert.Equal(18m, execution.FilledOn("other"));

        var book = HedgeBook.Empty.Apply(new HedgeFilled(T0, "cheap", "x", 15m, 2_000m, 0m));
        var capped = Router.Execute(10m, [Route(cheap, maxPosition: 20m), Route(other)], book, NoBackoffs, T0, "t");
        Assert.Equal(5m, capped.FilledOn("cheap")); // 15 held + 5 = the 20 cap
        Assert.Equal(5m, capped.FilledOn("other"));
    }

    [Fact]
    public void When_every_cap_is_full_the_vault_is_flagged_under_hedged_with_the_unplaced_quantity()
    {
        var a = new ScriptedVenue("a");
        var execution = Execute(-50m, Route(a, maxPosition: 20m));
        Assert.Equal(-20m, execution.FilledOn("a"));
        Assert.Equal(HedgeStatus.UnderHedged, execution.Health.Status);
        Assert.Equal(UnderHedgeReason.CapsExhausted, execution.Health.Reason);
        Assert.Equal(-30m, execution.Unfilled);
        Assert.Equal(-30m, execution.Health.UnhedgedQuantity);
        Assert.Contains("CapsExhausted", execution.Health.Message);
    }

    [Fact]
    public void A_partial_fill_is_rerouted_and_flagged_only_if_nobody_can_take_the_rest()
    {
        var half = new ScriptedVenue("half") { TakerFee = 0.0001, FillFraction = 0.5 };
        var full = new ScriptedVenue("full");
        var rerouted = Execute(10m, Route(half), Route(full));
        Assert.Equal(10m, rerouted.Fills.Sum(f => f.Quantity));
        Assert.Equal(HedgeStatus.Hedged, rerouted.Health.Status);

        var alone = Execute(10m, Route(new ScriptedVenue("half") { FillFraction = 0.5 }));
        Assert.Equal(UnderHedgeReason.PartialFills, alone.Health.Reason);
        Assert.Equal(5m, alone.Unfilled);
    }

    [Fact]
    public void Fills_are_booked_at_the_venue_price_with_fees_rounded_against_the_vault()
    {
        var venue = new ScriptedVenue("v") { FillPriceOverride = 2_000.123456789, TakerFee = 0.0005 };
        var fill = Assert.Single(Execute(1m, Route(venue)).Fills);
        Assert.Equal(2_000.12345679m, fill.Price); // a buy rounds up to 8 places
        Assert.Equal(1m, fill.Fee);                // 1 × 2000 × 0.0005
        Assert.Equal(1m, fill.Quantity);
    }

    [Fact]
    public void Plan_ties_go_to_the_first_candidate_and_a_zero_hedge_plans_nothing()
    {
        var candidate = new VenueCandidate("a", 2_000, 0.0005, new(0, 0, 100, 1_000), 0, 0m, 100m, 100m);
        var plan = HedgeRouter.Plan(0.001m, [candidate, candidate with { VenueId = "b" }], new HedgeRouterSettings());
        Assert.Equal("a", Assert.Single(plan.Allocations).Key);
        Assert.Empty(HedgeRouter.Plan(0m, [candidate], new HedgeRouterSettings()).Allocations);
    }
}
