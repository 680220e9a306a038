using System.Collections.Immutable;
using Ballast.Engine.Hedging;
using Ballast.Simulation.Data;
using Ballast.Simulation.Hedging;
using Ballast.Simulation.Markets;
using Ballast.Simulation.Randomness;

namespace Ballast.Simulation.Tests.Hedging;

/// <summary>The seeded simulated perp venue: fills, fees, depth, funding, faults, reproducibility.</summary>
public class SimulatedVenueTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly SimulatedVenueSettings Quiet = new("perp") { MeanLatencySeconds = 0 };

    private static SimulatedVenue Venue(SimulatedVenueSettings settings, ulong seed = 1, double mark = 2_000)
    {
        var venue = new SimulatedVenue(settings, new Xoshiro256StarStar(seed), T0);
        venue.SetMark(mark, T0);
        return venue;
    }

    [Fact]
    public void A_taker_order_pays_square_root_slippage_and_the_taker_fee()
    {
        var venue = Venue(Quiet);
        var result = venue.Place(new HedgeOrder("o1", 25m), T0);
        // slippage = 1 bp + 5 bp·√(25/100) = 3.5 bp; price = 2000 × 1.00035 = 2000.7; fee = 25 × 2000.7 × 5 bp
        Assert.Equal(VenueOrderStatus.Filled, result.Status);
        Assert.Equal(25m, result.FilledQuantity);
        Assert.Equal(2_000.7, result.AveragePrice, 1e-9);
        Assert.Equal(25 * 2_000.7 * 0.0005, result.Fee, 1e-9);
        Assert.Equal(25m, venue.PositionQuantity);
        var sell = venue.Place(new HedgeOrder("o2", -25m), T0);
        Assert.Equal(2_000 * (1 - 0.00035), sell.AveragePrice, 1e-9);
    }

    [Fact]
    public void An_order_larger_than_the_book_fills_only_the_available_depth()
    {
        var result = Venue(Quiet).Place(new HedgeOrder("big", -1_500m), T0);
        Assert.Equal(VenueOrderStatus.PartiallyFilled, result.Status);
        Assert.Equal(-1_000m, result.FilledQuantity);
    }

    [Fact]
    public void Maker_orders_pay_the_maker_fee_at_the_touch_and_fill_about_as_often_as_configured()
    {
        var venue = Venue(Quiet with { MakerFillProbability = 0.3 });
        int filled = 0;
        for (int i = 0; i < 2_000; i++)
        {
            var result = venue.Place(new HedgeOrder($"m{i}", 1m, OrderStyle.Maker), T0);
            if (result.FilledQuantity == 0) { Assert.Equal(VenueOrderStatus.Unfilled, result.Status); continue; }
            filled++;
            Assert.Equal(2_000 * (1 - 0.0001), result.AveragePrice, 1e-9);
            Assert.Equal(2_000 * (1 - 0.0001) * 0.0002, result.Fee, 1e-12);
        }
        // Binomial(2000, 0.3): mean 600, s.d. 20.5; ±5 s.d.
        Assert.InRange(filled, 498, 702);
    }

    [Fact]
    public void The_same_seed_and_calls_give_the_same_results()
    {
        var settings = new SimulatedVenueSettings("perp")
        {
            PartialFillProbability = 0.3, RejectionProbability = 0.1, OutagesPerDay = 5, LatencyVolatility = 0.8,
            FundingModel = new OrnsteinUhlenbeckFunding(0.05, 0.05, 5, 0.3),
        };
        static List<object> Script(SimulatedVenue venue)
        {
            var log = new List<object>();
            for (int i = 0; i < 200; i++)
            {
                var now = T0.AddMinutes(30 * i);
                venue.SetMark(2_000 + i, now);
                log.Add(venue.Health(now));
                log.Add(venue.Place(new HedgeOrder($"o{i}", i % 2 == 0 ? 3m : -2m), now));
                log.Add(venue.Funding(now));
                log.Add(venue.SettleFunding(now));
            }
            return log;
        }
        Assert.Equal(Script(Venue(settings, seed: 42)), Script(Venue(settings, seed: 42)));
        Assert.NotEqual(Script(Venue(settings, seed: 42)), Script(Venue(settings, seed: 43)));
    }

    [Fact]
    public void During_an_outage_the_venue_is_down_and_refuses_orders_and_quotes()
    {
        var venue = Venue(Quiet with { OutagesPerDay = 1_000, MeanOutageSeconds = 60 });
        var now = T0.AddHours(1); // P(outage in the first hour) = 1 − e^(−41.7) ≈ 1
        Assert.Equal(VenueHealthStatus.Down, venue.Health(now).Status);
        Assert.Equal(VenueError.Outage, venue.Place(new HedgeOrder("o", 1m), now).Error);
        Assert.Equal(VenueError.Outage, venue.Quote(now).Error);
        Assert.Equal(0m, venue.PositionQuantity);

        var calm = Venue(Quiet with { OutagesPerDay = 1e-9 });
        Assert.Equal(VenueHealthStatus.Up, calm.Health(T0.AddDays(1)).Status);
    }

    [Fact]
    public void Rejections_happen_at_the_configured_rate_and_change_no_position()
    {
        var venue = Venue(Quiet with { RejectionProbability = 1 });
        var result = venue.Place(new HedgeOrder("o", 1m), T0);
        Assert.Equal((VenueOrderStatus.Failed, VenueError.Rejected), (result.Status, result.Error));
        Assert.Equal(0m, venue.PositionQuantity);
        Assert.Equal(VenueError.InvalidOrder, venue.Place(new HedgeOrder("z", 0m), T0).Error);
        Assert.Equal(VenueError.UnknownOrder, venue.Cancel("perp-1", T0).Error);
    }

    [Fact]
    public void Funding_from_a_rate_series_is_charged_on_the_position_each_period()
    {
        var venue = Venue(Quiet with { FundingSeries = [new FundingRatePoint(T0.UtcDateTime, 0.1)] });
        venue.Place(new HedgeOrder("long", 10m), T0);
        Assert.Equal(0, venue.SettleFunding(T0.AddHours(7)).Periods);
        var settlement = venue.SettleFunding(T0.AddHours(8));
        Assert.Equal(1, settlement.Periods);
        // 10 units × 2000 × 10 %/year × 8 h / 8760 h: a long pays when the rate is positive
        Assert.Equal(10 * 2_000 * 0.1 * 8 / 8_760.0, settlement.Amount, 1e-9);
        Assert.Equal(0, venue.SettleFunding(T0.AddHours(9)).Periods);
    }

    [Fact]
    public void Ou_funding_moves_each_period_and_the_feed_reports_when_it_was_set()
    {
        var venue = Venue(Quiet with { FundingModel = new OrnsteinUhlenbeckFunding(0.05, 0.0, 3, 0.5) });
        var first = venue.Funding(T0.AddHours(1));
        Assert.Equal((0.05, T0), (first.RatePerYear, first.ObservedAt));
        var later = venue.Funding(T0.AddHours(9));
        Assert.NotEqual(0.05, later.RatePerYear);
        Assert.Equal(T0.AddHours(8), later.ObservedAt);
    }

    [Fact]
    public void Injected_nan_prices_and_a_stuck_funding_feed_are_caught_by_the_engine_guard()
    {
        var venue = Venue(Quiet with { InvalidPriceProbability = 1, StaleFundingProbability = 1 });
        var now = T0.AddHours(9);
        venue.SetMark(2_000, now);
        Assert.Equal(VenueError.InvalidData, VenueDataGuard.CheckQuote(venue.Quote(now), now, TimeSpan.FromSeconds(10), out _));
        Assert.Equal(VenueError.StaleFunding, VenueDataGuard.CheckFunding(venue.Funding(now), now, TimeSpan.FromHours(9), out _));
        var order = new HedgeOrder("o", 1m);
        Assert.Equal(VenueError.InvalidData, VenueDataGuard.CheckFill(venue.Place(order, now), order, out _));
    }

    [Fact]
    public void A_faulty_venue_never_puts_an_unvalidated_fill_into_the_book()
    {
        // Many hedges through the engine's router against a venue with every fault switched on.
        var venue = Venue(new SimulatedVenueSettings("perp")
        {
            InvalidPriceProbability = 0.1, RejectionProbability = 0.1, PartialFillProbability = 0.2, OutagesPerDay = 24,
            StaleFundingProbability = 0.1, LatencyVolatility = 0.8,
        });
        var router = new HedgeRouter(new HedgeRouterSettings { MaxQuoteAge = TimeSpan.FromMinutes(1), MaxFundingAge = TimeSpan.FromHours(9) });
        var book = HedgeBook.Empty;
        var backoffs = ImmutableSortedDictionary.Create<string, VenueBackoff>(StringComparer.Ordinal);
        int underHedged = 0;
        for (int i = 0; i < 300; i++)
        {
            var now = T0.AddMinutes(10 * i);
            venue.SetMark(2_000 + 10 * Math.Sin(i), now);
            var execution = router.Execute(i % 3 == 0 ? -2m : 1.5m, [new VenueRoute(venue, 100m, 10m)], book, backoffs, now, $"h{i}");
            backoffs = execution.Backoffs;
            foreach (var fill in execution.Fills)
            {
                Assert.Equal(HedgeBookError.None, HedgeBook.Validate(fill, out _));
                Assert.InRange(fill.Price, 1_900m, 2_100m);
                book = book.Apply(fill);
            }
            if (execution.Health.IsUnderHedged) underHedged++;
        }
        Assert.InRange(underHedged, 1, 299); // faults happened, and so did hedges
        Assert.NotEqual(0m, book.FeesPaid);
    }

    [Fact]
    public void Invalid_settings_are_typed_errors()
    {
        Assert.Equal(SimulatedVenueError.OutOfRange, (Quiet with { RejectionProbability = 1.5 }).Validate(out string message));
        Assert.Contains("rejection probability", message);
        Assert.Equal(SimulatedVenueError.NotFinite, (Quiet with { TakerFeeRate = double.NaN }).Validate(out _));
        Assert.Equal(SimulatedVenueError.OutOfRange, (Quiet with { Depth = new(0, 0, 0, 1) }).Validate(out _));
        Assert.Equal(SimulatedVenueError.InvalidFundingModel,
            (Quiet with { FundingModel = new OrnsteinUhlenbeckFunding(0, 0, -1, 0) }).Validate(out _));
        Assert.Throws<ArgumentException>(() => new SimulatedVenue(Quiet with { MeanOutageSeconds = 0 }, new Xoshiro256StarStar(1), T0));
    }
}
