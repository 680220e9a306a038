using Ballast.Engine.Margin;
using FsCheck;
using FsCheck.Fluent;
using static Ballast.Engine.Tests.Margin.MarginTestData;

namespace Ballast.Engine.Tests.Margin;

public class LiquidationAuctionTests
{
    private static readonly LiquidationParameters Defaults = LiquidationParameters.Default;

    [Theory]
    [InlineData(0L, "0.95")]
    [InlineData(450L, "0.825")]          // half of the fast phase: 0.95 − 0.25 × 0.5
    [InlineData(900L, "0.70")]           // end of the fast phase
    [InlineData(900L + 21_600L, "0.35")] // half of the 12 h slow phase: 0.70 × 0.5
    [InlineData(900L + 43_200L, "0")]    // end of the slow phase
    [InlineData(1_000_000L, "0")]
    public void Price_falls_from_95_to_70_percent_in_15_minutes_then_to_zero_over_12_hours(long seconds, string expected)
        => Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), LiquidationAuction.PriceFraction(seconds, Defaults));

    [Fact]
    public void Max_fraction_is_the_closed_form_that_zeroes_the_buffer_margin()
    {
        // BM = −30, E = 200, d = 0.9: f* = −30 / (−30 − 180) = 1/7 = 0.142857142857142857 (rounded down to 18 places).
        decimal f = LiquidationAuction.MaxFraction(-30m, 200m, 0.9m);
        Assert.Equal(0.142857142857142857m, f);
        // BM(f) = (1 − f)·BM + f·d·E = 0 up to the 1e-18 truncation, never above the exact root.
        decimal bmAfter = (1 - f) * -30m + f * 0.9m * 200m;
        Assert.True(bmAfter <= 0m && bmAfter > -1e-15m, $"{bmAfter}");
        Assert.Equal(1m, LiquidationAuction.MaxFraction(-30m, 200m, 0m)); // price 0: everything
        Assert.Equal(0m, LiquidationAuction.MaxFraction(5m, 200m, 0.9m)); // buffer already restored
    }

    [Fact]
    public void Liquidation_cannot_start_when_maintenance_margin_is_not_negative()
    {
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var rng = new Random(seed);
            var account = RandomAccount(rng, Market3000, rng.Next(2) == 0 ? MarginMode.Standard : MarginMode.Portfolio);
            var margin = MarginCalculator.Default.Compute(account, Market3000);
            bool canStart = LiquidationAuction.CanStart(margin) == LiquidationRejection.None;
            var step = IncrementalLiquidation.Plan(margin, Defaults);
            bool incremental = step.Rejection == LiquidationRejection.None;
            return margin.MaintenanceMargin >= 0 ? !canStart && !incremental : canStart && incremental;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_bid_never_takes_more_than_the_fraction_that_restores_the_buffer_and_that_fraction_restores_it()
    {
        var market = Market3000;
        int checkedBids = 0;
        // Elapsed < 44,100 s keeps the price above 0 (at price 0 the max fraction is the whole account by design).
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), Arb.From(Gen.Choose(0, 44_000)), (seed, elapsed) =>
        {
            var rng = new Random(seed);
            var account = RandomAccount(rng, market, rng.Next(2) == 0 ? MarginMode.Standard : MarginMode.Portfolio);
            // Make the account liquidatable but solvent: collateral between MM-zero and equity-zero.
            var m0 = MarginCalculator.Default.Compute(account with { QuoteCollateral = 0m }, market);
            decimal lo = -m0.Equity, hi = -m0.MaintenanceMargin;
            if (hi <= lo + 1m) return true;
            account = account with { QuoteCollateral = Math.Round(lo + (hi - lo) * (decimal)(0.2 + 0.6 * rng.NextDouble()), 2) };
            var margin = MarginCalculator.Default.Compute(account, market);
            if (margin.MaintenanceMargin >= 0 || margin.Equity <= 0) return true;

            var bid = LiquidationAuction.Bid(margin, elapsed, 1m, Defaults);
            if (!bid.Accepted) return false;
            bool withinMax = bid.Fraction <= bid.MaxFraction && bid.Fraction <= 1m;
            var after = LiquidationAuction.Transfer(account, bid.Fraction, bid.Payment, out _, out _);
            decimal bmAfter = LiquidationAuction.BufferMargin(MarginCalculator.Default.Compute(after, market), Defaults);
            // Restored to zero up to rounding (1e-8 steps on requirement, collateral and position value); never over-liquidated
            // by more than that (a fraction above f* would leave a clearly positive buffer).
            decimal tolerance = 0.000001m * (1m + Math.Abs(margin.Equity) + margin.MaintenanceRequirement);
            checkedBids++;
            return withinMax && bid.Fraction < 1m && Math.Abs(bmAfter) <= tolerance;
        }).QuickCheckThrowOnFailure();
        Assert.True(checkedBids > 10, $"only {checkedBids} solvent liquidatable accounts generated");
    }

    [Fact]
    public void A_bid_for_more_than_allowed_is_cut_to_the_max_fraction_and_the_bidder_pays_the_discounted_equity()
    {
        var account = Account(100m, MarginMode.Standard, Put(2900, -2, 60));
        // Standard: MM = 100 − 2 × 330 = −560; equity = 100 − 120 = −20 → insolvent, no solvent bid.
        var margin = StandardMargin.Compute(account, Market3000, StandardMarginParameters.Default);
        Assert.Equal(LiquidationRejection.Insolvent, LiquidationAuction.Bid(margin, 0, 1m, Defaults).Rejection);

        account = account with { QuoteCollateral = 500m };
        margin = StandardMargin.Compute(account, Market3000, StandardMarginParameters.Default);
        // MM = 500 − 660 = −160; E = 500 − 120 = 380; BM = −160 + 0.15 × (−160 − 380) = −241.
        // At t = 0, d = 0.95: f* = −241 / (−241 − 361) = 0.400332225913621262 (18 places, down).
        var bid = LiquidationAuction.Bid(margin, 0, 1m, Defaults);
        Assert.Equal(-241m, LiquidationAuction.BufferMargin(margin, Defaults));
        Assert.Equal(0.400332225913621262m, bid.Fraction);
        Assert.Equal(bid.MaxFraction, bid.Fraction);
        Assert.Equal(MarginMoney.Ceiling(bid.Fraction * 0.95m * 380m), bid.Payment);
        Assert.Equal(LiquidationRejection.InvalidFraction, LiquidationAuction.Bid(margin, 0, 0m, Defaults).Rejection);
        Assert.Equal(0.1m, LiquidationAuction.Bid(margin, 0, 0.1m, Defaults).Fraction);
    }

    [Fact]
    public void Insolvent_auction_payment_grows_linearly_to_the_maintenance_deficit()
    {
        var margin = StandardMargin.Compute(Account(100m, MarginMode.Standard, Put(2900, -2, 60)), Market3000, StandardMarginParameters.Default);
        Assert.Equal(0m, LiquidationAuction.InsolventPayment(margin, 0, Defaults));
        Assert.Equal(280m, LiquidationAuction.InsolventPayment(margin, 1800, Defaults)); // half of 560
        Assert.Equal(560m, LiquidationAuction.InsolventPayment(margin, 7200, Defaults));
    }

    [Fact]
    public void Default_liquidation_parameters_are_valid_and_bounds_are_enforced()
    {
        Assert.True(Defaults.Validate().IsValid);
        Assert.False((Defaults with { LiquidatorShare = 0.8m }).Validate().IsValid);
        Assert.False((Defaults with { FastCutoffPriceFraction = 0.99m }).Validate().IsValid);
    }
}
