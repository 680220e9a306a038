using System.Text.Json;
using Ballast.Engine.Pool;
using Ballast.Engine.Pool.Events;
using static Ballast.Engine.Tests.Pool.PoolTestKit;

namespace Ballast.Engine.Tests.Pool;

public class PoolReportTests
{
    private const long Year = PoolParameters.SecondsPerYear;

    [Fact]
    public void Apy_compounds_the_share_price_growth_over_the_window_to_a_365_day_year()
    {
        SharePricePoint[] series = [new(0, 1m), new(Year / 2, 1.02m), new(Year, 1.05m)];
        Assert.Equal(0.05, PoolReport.Apy(series, Year)!.Value, 12);
        // Half-year window: (1.05/1.02)^2 − 1.
        Assert.Equal(Math.Pow(1.05 / 1.02, 2) - 1, PoolReport.Apy(series, Year / 2)!.Value, 12);
        // A window longer than the history uses the first point.
        Assert.Equal(0.05, PoolReport.Apy(series, 10 * Year)!.Value, 12);
        Assert.Null(PoolReport.Apy([new(0, 1m)], Year));
        Assert.Null(PoolReport.Apy([new(0, 0m), new(Year, 1m)], Year));
        Assert.Null(PoolReport.Apy(series, 0));
    }

    [Fact]
    public void Max_drawdown_is_the_worst_fall_from_a_running_peak()
    {
        SharePricePoint[] series = [new(0, 1m), new(1, 1.2m), new(2, 0.9m), new(3, 1.3m), new(4, 1.1m)];
        Assert.Equal(0.25, PoolReport.MaxDrawdown(series), 12);
        Assert.Equal(0, PoolReport.MaxDrawdown([new(0, 1m), new(1, 2m)]));
        Assert.Equal(0, PoolReport.MaxDrawdown([]));
        Assert.Equal(1, PoolReport.MaxDrawdown([new(0, 1m), new(1, 0m)]));
    }

    [Fact]
    public void Marks_record_each_tranches_share_price_and_the_pnl_attribution()
    {
        var pool = NewPool(seniorApr: 0m);
        var ledger = new Ledger();
        long now = Seed(pool, ledger, ("s", "senior", 1_000m), ("j", "junior", 1_000m));
        pool.Ok(pool.Mark(NavResult.Solvent(2_000m), new PnlAttribution(0, 0, 0), now));
        pool.Ok(pool.Mark(NavResult.Solvent(2_100m), new PnlAttribution(30m, 90m, -20m), now + 100));
        pool.Ok(pool.Mark(NavResult.Solvent(1_900m), new PnlAttribution(10m, -250m, 40m), now + 200));
        Assert.Equal([1m, 1.1m, 0.9m], PoolReport.SharePrices(pool.History, 1).Select(p => p.SharePrice));
        Assert.Equal([1m, 1m, 1m], PoolReport.SharePrices(pool.History, 0).Select(p => p.SharePrice));
        Assert.Equal(2.0 / 11, PoolReport.MaxDrawdown(PoolReport.SharePrices(pool.History, 1)), 12);
        var all = PoolReport.Attribution(pool.History, now, now + 200);
        Assert.Equal(new PnlAttribution(40m, -160m, 20m), all);
        Assert.Equal(-100m, all.Total);
        Assert.Equal(new PnlAttribution(30m, 90m, -20m), PoolReport.Attribution(pool.History, now, now + 150));
        Assert.Empty(PoolReport.SharePrices(pool.History, 5));
    }

    [Fact]
    public void Pool_events_round_trip_through_json_and_replaying_them_rebuilds_the_same_state()
    {
        var pool = NewPool();
        var ledger = new Ledger();
        var journal = new List<PoolEvent>();
        void Do(PoolDecision d) { journal.AddRange(pool.Ok(d)); ledger.Apply(d.Events); }
        Do(pool.RequestDeposit("alice", "senior", 1_000m, T0));
        Do(pool.RequestDeposit("bob", "junior", 500m, T0 + 1));
        Do(pool.ProcessQueues(ledger.Market(pool), T0 + Week + 2));
        Do(pool.RequestWithdrawal("bob", "junior", 100m, T0 + Week + 3));
        Do(pool.SettleBoard(T0 + Week + 4));
        Do(pool.Mark(NavResult.Solvent(ledger.Nav(pool)), new PnlAttribution(1m, 2m, 3m), T0 + Week + 5));
        Do(pool.ProcessQueues(ledger.Market(pool), T0 + 3 * Week, ProcessingAuthority.Guardian));

        string json = JsonSerializer.Serialize(journal);
        var replayed = JsonSerializer.Deserialize<List<PoolEvent>>(json)!;
        Assert.Equal(journal, replayed);
        var copy = NewPool();
        foreach (var e in replayed) copy.Apply(e);
        Assert.Equal(Snapshot(pool), Snapshot(copy));
        Assert.Contains("\"type\":\"WithdrawalProcessed\"", json);
    }
}
