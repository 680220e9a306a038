using Ballast.Engine.Commands;
using Ballast.Engine.Events;
using Ballast.Engine.Markets;
using Ballast.Engine.Pool;
using Ballast.Engine.Pool.Events;
using Ballast.Engine.Tests.Support;

namespace Ballast.Engine.Tests.PoolWiring;

/// <summary>
/// The LP report replayed from events (<see cref="PoolReportBuilder"/>), on a scripted ledger without options so that
/// every number follows by hand: NAV is the quote capital, the senior tranche accrues 5 % simple APR out of the junior's
/// claim, and an instant junior withdrawal while a board is live pays a 1 % fee to the pool.
/// </summary>
public sealed class PoolReportBuilderTests
{
    private const long Day = PoolParameters.Day;
    private const long Midnight = 20_602 * Day; // 2026-05-29T00:00:00Z

    /// <summary>
    /// Day 0 (midnight): 1,000,000 capital, a board with no strikes, pool opened (junior seed 1,000,000 shares at 1),
    /// carol deposits 100,000 into senior at 1. Day 73 (= 0.2 year): senior's target claim is
    /// 100,000·(1 + 0.05·0.2) = 101,000, so junior's price is (1,100,000 − 101,000)/1,000,000 = 0.999; the seed owner withdraws 100,000 junior shares: gross 99,900, fee 1 % = 999, payout 98,901; NAV 1,001,099; junior's price
    /// (1,001,099 − 101,000)/900,000 = 1.00011.
    /// </summary>
    private static (TestVault Vault, PoolReportBuilder Builder) Scripted()
    {
        var v = TestVault.Open(book: false);
        v.Now = Midnight;
        v.Ok(new DepositCapital(TestVault.Admin, new AccountId("lp"), Asset.Quote, 1_000_000m));
        v.Ok(new ListBoard(TestVault.Governor, Midnight + 100 * Day, 0.8));
        v.Ok(new UpdateSpot(TestVault.Oracle, 3000, v.Now));
        v.Ok(new OpenPool(TestVault.Admin, PoolVault.SeniorJunior, PoolParameters.Default with { InstantMode = true }, new AccountId("lp")));
        v.Ok(new RequestLpDeposit(PoolVault.Carol, "senior", 100_000m, Instant: true));
        v.Now = Midnight + 73 * Day;
        v.Ok(new UpdateSpot(TestVault.Oracle, 3000, v.Now));
        v.Ok(new RequestLpWithdrawal(PoolVault.Lp("lp"), "junior", 100_000m, Instant: true));
        var builder = new PoolReportBuilder();
        foreach (var e in v.Events) builder.Apply(e);
        return (v, builder);
    }

    [Fact]
    public void Share_prices_are_sampled_at_every_pool_event_and_every_midnight()
    {
        var (v, builder) = Scripted();
        var report = builder.Build(v.Now);
        // open + deposit at day 0, midnights of days 1..72, the withdrawal at day 73 (itself a midnight: one point).
        var junior = report.Tranches[1].History;
        Assert.Equal(2 + 72 + 1, junior.Count);
        Assert.Equal([Midnight, Midnight, Midnight + Day], junior.Take(3).Select(p => p.Time));
        // Day d: senior is owed 100,000·(1 + 0.05·d/365), junior holds the rest of 1,100,000 over 1,000,000 shares.
        Assert.Equal(1m - 5_000m * 66 / 365 / 1_000_000m, junior.Single(p => p.Time == Midnight + 66 * Day).SharePrice, 15);
        Assert.Equal(1m - 5_000m * 72 / 365 / 1_000_000m, junior[^2].SharePrice, 15);
        Assert.Equal(1.00011m, report.Tranches[1].SharePrice);
        Assert.Equal(1.01m, report.Tranches[0].SharePrice);
        Assert.Equal(1_001_099m, report.Nav);
    }

    [Fact]
    public void Apy_over_each_window_and_drawdown_match_the_hand_computed_numbers()
    {
        var (v, builder) = Scripted();
        var report = builder.Build(v.Now);
        var senior = report.Tranches[0];
        var junior = report.Tranches[1];
        // Senior: 1.01^(365/73) − 1 = 1.01^5 − 1 since inception; 7 days from day 66 at 1 + 0.05·66/365·... (mpmath).
        Assert.Equal(0.0510100501, senior.ApySinceInception!.Value, 12);
        Assert.Equal(0.0507755027733224674, senior.Apy7Days!.Value, 9);
        Assert.Equal(0, senior.MaxDrawdown);
        // Junior: 1.00011^5 − 1; from 0.99909589… at day 66 and 0.99941095… at day 43 to 1.00011.
        Assert.Equal(0.000550121013310732066, junior.ApySinceInception!.Value, 12);
        Assert.Equal(0.0543237646063273421, junior.Apy7Days!.Value, 9);
        Assert.Equal(0.00854332563151464082, junior.Apy30Days!.Value, 9);
        // The junior's lowest sample is day 72's (day 73's midnight is the withdrawal itself, after the fee lifted it):
        // 1 − (1 − 5,000·72/365/1,000,000) = 0.000986301369863…
        Assert.Equal(0.000986301369863, junior.MaxDrawdown, 14);
    }

    [Fact]
    public void The_withdrawal_fee_is_fee_income_and_nothing_else_moved()
    {
        var (v, builder) = Scripted();
        var report = builder.Build(v.Now);
        Assert.Equal(new PnlAttribution(999m, 0m, 0m), report.SinceInception);
        Assert.Equal(new PnlAttribution(999m, 0m, 0m), report.Last7Days);
        Assert.Equal(report.SinceInception, report.Last30Days);
    }

    [Fact]
    public void An_apy_that_overflows_over_a_few_seconds_is_not_reported()
    {
        SharePricePoint[] series = [new(1_000, 1m), new(1_001, 1.5m)];
        Assert.Null(PoolReport.Apy(series, 7 * Day));
        Assert.Equal(0.0, PoolReport.Apy([new(1_000, 1m), new(1_001, 1m)], 7 * Day));
    }

    [Fact]
    public void A_pool_that_is_not_open_reports_nothing()
    {
        var builder = new PoolReportBuilder();
        foreach (var e in TestVault.Open().Events) builder.Apply(e);
        var report = builder.Build(TestVault.T0);
        Assert.False(report.IsOpen);
        Assert.Empty(report.Tranches);
    }

    [Fact]
    public void Fees_option_and_hedge_pnl_add_up_to_the_change_of_nav_less_lp_flows_on_a_traded_book()
    {
        var v = PoolVault.Open(PoolParameters.Default with { InstantMode = true });
        var builder = new PoolReportBuilder();
        decimal seed = v.Nav().Nav;
        v.Buy(TestVault.Call(3000), 20);
        v.Sell(TestVault.Put(2750), 15);
        v.Wait(PoolVault.Day, spot: 3150);
        v.Ok(new RequestLpDeposit(PoolVault.Carol, "senior", 50_000m, Instant: true));
        v.Buy(TestVault.Put(3250), 10);
        v.Wait(2 * PoolVault.Day, spot: 2900);
        foreach (var e in v.Events) builder.Apply(e);
        var report = builder.Build(v.Now);

        decimal flows = v.Events.SelectMany(PoolVault.Flatten).Sum(e => e switch
        {
            DepositProcessed d => d.Amount,
            WithdrawalProcessed w => -(w.Payout + w.Fee),
            _ => 0m,
        });
        decimal tradeFees = v.Events.OfType<TradeExecuted>().Sum(t => t.Fees);
        Assert.True(tradeFees > 0);
        Assert.Equal(tradeFees, report.SinceInception.FeeIncome);
        Assert.Equal(v.Nav().Nav - seed - flows, report.SinceInception.Total);
        Assert.NotEqual(0m, report.SinceInception.OptionPnl);
        Assert.Equal(0m, report.SinceInception.HedgePnl);
    }
}
