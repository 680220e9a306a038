using Ballast.Engine.Markets;
using Ballast.Engine.State;
using Ballast.Simulation.Markets;
using Ballast.Simulation.Metrics;
using Ballast.Simulation.Reports;
using Ballast.Simulation.Runner;
using Ballast.Simulation.Scenarios;

namespace Ballast.Simulation.Tests;

public class MarginKeeperTests
{
    private static ScenarioSettings ShortCrash(ulong seed = 7) => TestScenarios.ShortCrash(paths: 1, seed: seed);

    private static decimal TotalMoney(VaultState s, Asset asset)
    {
        decimal total = s.Capital(asset) + s.AccruedFees(asset) + (asset == Asset.Quote ? s.InsuranceFund : 0m);
        foreach (var a in s.Accounts.Values) total += a.Free(asset) + a.Locked(asset);
        return total;
    }

    [Fact]
    public void In_the_crash_preset_the_keeper_liquidates_margin_traders_and_money_is_conserved()
    {
        var path = ScenarioRunner.CreatePath(ShortCrash(), 0);

        var result = path.Run(record: false);

        Assert.True(result.MarginTrades > 0, "margin traders sold options");
        Assert.True(result.Liquidations >= 1, "the crash liquidated at least one account");
        Assert.True(result.LiquidationPenalties > 0 || result.Insolvencies > 0);
        Assert.Equal(result.ExternalMoney[(int)Asset.Quote], TotalMoney(path.State, Asset.Quote));
        Assert.Equal(result.ExternalMoney[(int)Asset.Base], TotalMoney(path.State, Asset.Base));
        Assert.Equal((double)path.State.InsuranceFund, result.InsuranceFundEnd);
        // No margin account is left under maintenance at the end of a step the keeper ran.
        foreach (var account in path.State.Accounts.Values)
        {
            if (!account.UsesMargin || account.Positions.Count == 0) continue;
            var margin = Engine.Accounting.AccountMargin.TryCompute(path.State, account, path.State.LastEventTime, out _);
            Assert.True(margin is null || margin.MaintenanceMargin >= 0m || path.State.IsInAuction(account.Id),
                $"{account.Id} ends under maintenance margin ({margin?.MaintenanceMargin})");
        }
    }

    [Fact]
    public void The_crash_run_with_margin_is_deterministic_and_reports_liquidations()
    {
        var settings = ShortCrash() with { Paths = 2 };
        Assert.Equal(ScenarioError.None, ScenarioRunner.TryRun(settings, [], 1, null, null, out var first, out string message));
        Assert.Equal(ScenarioError.None, ScenarioRunner.TryRun(settings, [], 2, null, null, out var second, out message));

        string json = SummaryJson.Write(first!);
        Assert.Equal(json, SummaryJson.Write(second!));
        var cell = first!.Cells[0].Summary;
        Assert.True(cell.LiquidationsMean > 0);
        Assert.Contains("\"liquidationsMean\"", json);
        Assert.Contains("\"badDebtMean\"", json);
        Assert.Contains("\"insuranceFundUsedMean\"", json);
        Assert.True(cell.ComponentMeans[(int)PnlComponent.Liquidation] != 0);
    }

    [Fact]
    public void Presets_without_margin_traders_have_no_margin_accounts()
    {
        var path = ScenarioRunner.CreatePath(TestScenarios.Short(days: 3, paths: 1), 0);
        var result = path.Run(record: false);
        Assert.Equal(0, result.MarginTrades);
        Assert.DoesNotContain(path.State.Accounts.Values, a => a.UsesMargin);
    }
}
