using Ballast.Engine.Markets;
using Ballast.Engine.Pool.Events;
using Ballast.Engine.State;
using Ballast.Simulation.Markets;
using Ballast.Simulation.Metrics;
using Ballast.Simulation.Reports;
using Ballast.Simulation.Runner;
using Ballast.Simulation.Scenarios;

namespace Ballast.Simulation.Tests;

/// <summary>LP deposits and withdrawals go through the engine's pool: queues, keeper, tranche share prices, breakers.</summary>
public class LpPoolFlowTests
{
    /// <summary>The default scenario over 20 days with busy LPs (about one deposit and one withdrawal request every two days).</summary>
    private static ScenarioSettings BusyLps(int paths = 1) => TestScenarios.Short(days: 20, paths: paths) with
    {
        Flow = new Flow.OrderFlowSettings { DepositsPerYear = 180 },
        Lp = new Flow.LpFlowSettings { WithdrawalsPerYear = 180, QueueDelayHours = 12 },
    };

    private static ScenarioSettings ShortCrash(int paths) => TestScenarios.ShortCrash(paths);

    private static decimal MoneyHeld(VaultState s)
    {
        decimal total = s.Capital(Asset.Quote) + s.AccruedFees(Asset.Quote) + s.InsuranceFund + (s.Pool?.QueuedDepositTotal ?? 0m);
        foreach (var a in s.Accounts.Values) total += a.Free(Asset.Quote) + a.Locked(Asset.Quote);
        return total;
    }

    [Fact]
    public void Lp_deposits_and_withdrawals_are_queued_and_processed_by_the_keeper_through_the_engine()
    {
        var path = ScenarioRunner.CreatePath(BusyLps(), 0);
        path.KeepJournal();

        var result = path.Run(record: false);

        Assert.True(result.LpDepositRequests > 0, "LPs queued deposits");
        Assert.True(result.LpWithdrawalRequests > 0, "LPs queued withdrawals");
        var processed = path.Journal!.OfType<PoolEvent>().SelectMany(e => e is PoolEventBatch b ? b.Changes : [e]).ToArray();
        Assert.Contains(processed, e => e is DepositProcessed { RequestId: > 0 });
        Assert.Contains(processed, e => e is WithdrawalProcessed { RequestId: > 0 });
        Assert.True(result.Deposits > 0 && result.Withdrawals > 0);
        var pool = path.State.Pool!;
        Assert.True(pool.Tranches.All(t => t.Shares > 0), "both tranches hold shares");
    }

    [Fact]
    public void Money_is_conserved_with_lp_flows_queued_deposits_included()
    {
        var path = ScenarioRunner.CreatePath(BusyLps(), 0);

        var result = path.Run(record: false);

        Assert.Equal(result.ExternalMoney[(int)Asset.Quote], MoneyHeld(path.State));
    }

    [Fact]
    public void The_senior_tranche_earns_its_target_while_the_junior_absorbs_the_rest()
    {
        var settings = BusyLps();
        var result = ScenarioRunner.RunPath(settings, 0, record: true);

        // Simple APR accrued per second over the run: 5% × 20/365 (the junior tranche stays solvent in 20 calm days).
        double years = settings.Steps * settings.StepYears;
        Assert.Equal(0.05 * years, result.TrancheReturns[0], 6);
        Assert.NotEqual(result.TrancheReturns[0], result.TrancheReturns[1]);
        var series = result.Series!;
        Assert.Equal(1.0, series.TrancheSharePrices[0][0], 9);
        Assert.Equal(result.TrancheSharePrices[1], series.TrancheSharePrices[1][^1], 12);
        Assert.InRange(result.BreakerTime, 0.0, 1.0);
    }

    [Fact]
    public void In_a_crash_the_junior_tranche_takes_the_first_loss_and_the_senior_keeps_its_target()
    {
        // The crash market without the preset's margin sellers: their written puts make the vault long the crash (see below).
        var settings = ShortCrash(paths: 4) with { Margin = new Flow.MarginFlowSettings() };
        double target = 0.05 * settings.Steps * settings.StepYears;
        var paths = Enumerable.Range(0, settings.Paths).Select(i => ScenarioRunner.RunPath(settings, i)).ToArray();

        foreach (var p in paths)
        {
            Assert.Equal(target, p.TrancheReturns[0], 6); // the junior never ran out: the senior is paid its target
            if (p.LpReturn < target) Assert.True(p.TrancheReturns[1] < p.TrancheReturns[0], $"junior {p.TrancheReturns[1]} vs senior {p.TrancheReturns[0]}");
        }

        Assert.Contains(paths, p => p.TrancheReturns[1] < 0); // the crash cost the first-loss tranche on some path
        var cell = CellSummary.Of(paths);
        Assert.True(cell.TrancheReturnWorst[1] <= cell.TrancheReturnWorst[0]);
        Assert.True(cell.TrancheReturnMeans[1] <= cell.TrancheReturnMeans[0], $"junior {cell.TrancheReturnMeans[1]} vs senior {cell.TrancheReturnMeans[0]}");
    }

    [Fact]
    public void In_the_crash_preset_the_tranche_waterfall_holds_on_every_path()
    {
        // With the preset's margin sellers the vault buys their puts and earns liquidation penalties, so the crash is a
        // gain for the pool on these paths; the waterfall still orders the tranches: the senior gets exactly its target
        // and the junior everything above or below it.
        var settings = ShortCrash(paths: 2);
        double target = 0.05 * settings.Steps * settings.StepYears;
        Assert.Equal(ScenarioError.None, ScenarioRunner.TryRun(settings, [], 1, null, null, out var report, out string message));
        var cell = report!.Cells[0].Summary;

        Assert.Equal(target, cell.TrancheReturnMeans[0], 6);
        Assert.Equal(cell.LpReturnMean > target, cell.TrancheReturnMeans[1] > cell.TrancheReturnMeans[0]);
        Assert.True(cell.BreakerTimeMean > 0, "the crash's vol spike trips the pool's variance breakers");
    }

    [Fact]
    public void Summary_json_reports_tranche_returns_and_time_with_breakers_active()
    {
        Assert.Equal(ScenarioError.None, ScenarioRunner.TryRun(TestScenarios.Short(days: 3, paths: 2), [], 1, null, null, out var report, out string message));

        string json = SummaryJson.Write(report!);

        Assert.Contains("\"pool\": {", json);
        Assert.Contains("\"breakerTimeMean\"", json);
        Assert.Contains("\"trancheReturns\": {", json);
        Assert.Contains("\"senior\": {", json);
        Assert.Contains("\"junior\": {", json);
    }

    [Fact]
    public void Bad_lp_settings_are_refused_with_a_clear_message()
    {
        var settings = TestScenarios.Short() with { Lp = new Flow.LpFlowSettings { SeniorShare = 1.5m } };

        Assert.Equal(ScenarioError.InvalidFlow, settings.Validate(out string message));
        Assert.Contains("senior share", message);
    }
}
