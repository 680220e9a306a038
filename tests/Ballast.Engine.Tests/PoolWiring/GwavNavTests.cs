using Ballast.Engine.Commands;
using Ballast.Engine.Events;
using Ballast.Engine.Markets;
using Ballast.Engine.Pool;
using Ballast.Engine.Pool.Events;
using Ballast.Engine.Tests.Support;
using static Ballast.Engine.Tests.PoolWiring.PoolVault;

namespace Ballast.Engine.Tests.PoolWiring;

/// <summary>NAV values the book at GWAV vols (Lyra v1): a single trade moves the current vols and the cached Greeks, not NAV.</summary>
public class GwavNavTests
{
    [Fact]
    public void A_trade_moves_the_cached_vol_but_not_the_value_nav_gives_the_existing_book()
    {
        var v = PoolVault.Open();
        var series = TestVault.Call(3000);
        v.Buy(series, 10);
        v.Wait(2 * Day);
        var p = v.State.Parameters;
        var strike = v.State.Strikes[series.StrikeKey];
        double cachedVolBefore = strike.CachedVol;
        double gwavBookBefore = v.State.BookValueAtGwav(v.Now, p);
        double cachedBookBefore = v.State.Exposure.Value;
        decimal navBefore = v.Nav().Nav;

        var trade = (TradeExecuted)v.Buy(series, 50).Event;

        Assert.True(strike.CachedVol > cachedVolBefore + 1e-3, $"cached vol {cachedVolBefore} → {strike.CachedVol}");
        // At GWAV vols each option is worth what it was worth before the trade: the book just holds 6 times as many.
        double gwavBookAfter = v.State.BookValueAtGwav(v.Now, p);
        Assert.Equal(6.0, gwavBookAfter / gwavBookBefore, 12);
        // At cached vols the 10 options already held were revalued by the trade.
        Assert.NotEqual(6.0, v.State.Exposure.Value / cachedBookBefore, 3);

        // NAV moves by the cash the trade brought in minus the new options at their (unchanged) GWAV value, nothing else.
        decimal expected = navBefore + trade.Payment + (decimal)(gwavBookAfter - gwavBookBefore);
        Assert.InRange(v.Nav().Nav - expected, -0.01m, 0.01m);
        Assert.True(v.Nav().Nav - navBefore >= trade.Fees, "the vault sold above the GWAV value: NAV rises by at least the fees");
    }

    [Fact]
    public void Nav_counts_capital_fees_and_base_at_spot_minus_queued_deposits_and_the_book_liability()
    {
        var v = PoolVault.Open();
        v.Buy(TestVault.Put(2750), 20);
        v.Ok(new RequestLpDeposit(Carol, "junior", 5_000m));
        var nav = v.Nav();
        decimal quote = v.State.Capital(Asset.Quote) + v.State.AccruedFees(Asset.Quote);
        decimal book = -decimal.Round(-(decimal)v.State.BookValueAtGwav(v.Now, v.State.Parameters), 6, MidpointRounding.ToPositiveInfinity);
        Assert.Equal(quote + book, nav.Nav);
        Assert.False(nav.IsInsolvent);
    }

    [Fact]
    public void An_insolvent_pool_reports_its_deficit_and_pays_no_withdrawal()
    {
        var v = PoolVault.Open();
        v.Ok(new RequestLpWithdrawal(Lp("lp"), "junior", 1_000m));
        // Alice holds 5,000 calls struck at 2,500 against the vault; spot triples.
        v.Ok(new ImportPosition(TestVault.Admin, TestVault.Alice.Account, TestVault.Call(2500), 5_000m));
        v.Wait(PoolParameters.Week + 3_600, spot: 3000);
        v.Tick(60, 9_000);
        var nav = v.Nav();
        Assert.True(nav.IsInsolvent);
        Assert.Equal(0m, nav.Nav);
        Assert.True(nav.Deficit > 20_000_000m, $"deficit {nav.Deficit}");

        var events = Flatten(v.Process().Event).ToList();
        Assert.DoesNotContain(events, e => e is WithdrawalProcessed);
        Assert.Contains(events, e => e is CircuitBreakerTripped { Kind: CircuitBreakerKind.Liquidity });
        Assert.All(v.Pool().Claims(nav.Nav, v.Now), c => Assert.True(c.SharePrice >= 0));
    }
}
