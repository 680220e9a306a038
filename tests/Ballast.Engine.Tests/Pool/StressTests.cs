using Ballast.Engine.Pool;
using Ballast.Pricing;
using static Ballast.Engine.Tests.Pool.PoolTestKit;

namespace Ballast.Engine.Tests.Pool;

/// <summary>Spot falls 50 % in one step against a vault that sold puts: the junior tranche absorbs the loss first.</summary>
public class StressTests
{
    private const double Rate = 0.05, Vol = 0.8, Years = 30.0 / 365;

    // Value of the vault's short put book owed to traders, rounded up to the cent (liabilities in the vault's disfavour).
    private static decimal PutLiability(double spot, int puts) =>
        decimal.Round((decimal)(puts * BlackScholesMerton.Price(OptionType.Put, spot, 2_000, Rate, 0, Years, Vol)), 2, MidpointRounding.ToPositiveInfinity);

    private static (TranchePool Pool, long Now, decimal Premium) SoldPuts(int puts)
    {
        var pool = NewPool(seniorApr: 0.05m);
        var ledger = new Ledger();
        long now = Seed(pool, ledger, ("senior-lp", "senior", 1_000_000m), ("junior-lp", "junior", 500_000m));
        return (pool, now, PutLiability(2_000, puts));
    }

    private static NavResult Nav(decimal premium, double spot, int puts) =>
        // Quote = LP capital + premiums received; no base, no hedges; puts valued at the (GWAV) vol.
        NavCalculator.Compute(new NavInputs(1_500_000m + premium, 0, (decimal)spot, 0, 0, 0, PutLiability(spot, puts)));

    [Theory]
    [InlineData(400)]
    [InlineData(1_000)]
    [InlineData(3_000)]
    public void After_a_50_percent_crash_the_junior_absorbs_losses_before_the_senior_and_no_price_goes_negative(int puts)
    {
        var (pool, now, premium) = SoldPuts(puts);
        var before = Nav(premium, 2_000, puts);
        Assert.Equal(1_500_000m, before.Nav);
        var beforeClaims = pool.Claims(before.Nav, now);

        var after = Nav(premium, 1_000, puts);
        var claims = pool.Claims(after.Nav, now);
        decimal loss = before.Nav - after.Nav;
        decimal juniorLoss = beforeClaims[1].Claim - claims[1].Claim;
        decimal seniorLoss = beforeClaims[0].Claim - claims[0].Claim;
        Assert.True(loss > 0);
        Assert.All(claims, c => Assert.True(c.Claim >= 0 && c.SharePrice >= 0, $"{c}"));
        Assert.Equal(loss, juniorLoss + seniorLoss); // every quote of loss lands on a tranche
        if (loss <= beforeClaims[1].Claim)
        {
            Assert.Equal(0m, seniorLoss); // junior alone absorbs it
            Assert.Equal(beforeClaims[0].SharePrice, claims[0].SharePrice);
            Assert.True(claims[1].SharePrice < beforeClaims[1].SharePrice);
        }
        else
        {
            Assert.Equal(0m, claims[1].Claim); // junior wiped out first
            Assert.Equal(0m, claims[1].SharePrice);
            Assert.True(seniorLoss > 0);
        }
    }

    [Fact]
    public void The_three_books_cover_partial_junior_loss_junior_wipe_out_and_insolvency()
    {
        var (pool, now, p400) = SoldPuts(400);
        var small = pool.Claims(Nav(p400, 1_000, 400).Nav, now);
        Assert.True(small[1].Claim > 0 && small[0].Claim == small[0].TargetClaim);

        var p1000 = PutLiability(2_000, 1_000);
        var mid = Nav(p1000, 1_000, 1_000);
        Assert.False(mid.IsInsolvent);
        var midClaims = pool.Claims(mid.Nav, now);
        Assert.Equal(0m, midClaims[1].Claim);
        Assert.True(midClaims[0].Claim > 0 && midClaims[0].Claim < midClaims[0].TargetClaim);

        var p3000 = PutLiability(2_000, 3_000);
        var crash = Nav(p3000, 1_000, 3_000);
        Assert.True(crash.IsInsolvent);
        Assert.True(crash.Deficit > 0);
        Assert.Equal(0m, crash.Nav);
        Assert.All(pool.Claims(crash.Nav, now), c => Assert.Equal(0m, c.SharePrice));
    }

    [Fact]
    public void Withdrawals_after_the_crash_pay_the_crashed_price_and_leave_remaining_prices_unchanged()
    {
        var (pool, now, premium) = SoldPuts(400);
        var nav = Nav(premium, 1_000, 400).Nav;
        pool.Ok(pool.RequestWithdrawal("junior-lp", "junior", 100_000m, now));
        var priceBefore = pool.SharePrice("junior", nav, now + Week + 1);
        var market = PoolMarket.Calm(nav, 1_000_000m, hasLiveBoards: false);
        var w = Assert.IsType<Ballast.Engine.Pool.Events.WithdrawalProcessed>(Assert.Single(pool.Ok(pool.ProcessQueues(market, now + Week + 1))));
        Assert.Equal(priceBefore, w.SharePrice);
        // Unchanged up to the payout's rounding (< 1e-6 quote, kept by the pool) spread over the remaining shares.
        decimal priceAfter = pool.SharePrice("junior", nav - w.Payout, now + Week + 1);
        Assert.InRange(priceAfter - priceBefore, 0m, 1e-6m / pool.Tranches[1].Shares);
        Assert.True(pool.SharePrice("senior", nav - w.Payout, now + Week + 1) > 1m);
    }
}
