using Ballast.Engine.Markets;
using Ballast.Simulation.Flow;
using Ballast.Simulation.Metrics;
using Ballast.Simulation.Runner;

namespace Ballast.Simulation.Tests;

public class RunnerDrivesEngineTests
{
    [Fact]
    public void Simulated_trades_are_engine_state_positions_and_fees()
    {
        var settings = TestScenarios.Short(days: 5, paths: 1);
        var path = ScenarioRunner.CreatePath(settings, 0);

        var result = path.Run(record: false);
        var state = path.State;

        Assert.True(result.Trades[(int)TraderType.Noise] > 0);
        // Every fee the simulation booked is a fee the engine accrued (linear market: all in quote).
        Assert.Equal((double)state.AccruedFees(Asset.Quote), result.Components[(int)PnlComponent.Fees], 6);
        var noise = state.AccountOrNull(VaultPathSimulation.Traders[(int)TraderType.Noise].Account);
        Assert.NotNull(noise);
        Assert.Contains(noise!.Positions.Values, p => p != 0m);
        Assert.Equal(result.FinalStateHash, state.StateHash());
    }

    [Fact]
    public void Expired_boards_are_settled_through_the_engine()
    {
        var settings = TestScenarios.Short(days: 40, paths: 1);
        var path = ScenarioRunner.CreatePath(settings, 0);

        var result = path.Run(record: false);

        Assert.True(result.BoardsSettled >= 2);
        Assert.True(path.State.SettledBoards.Count == result.BoardsSettled);
        Assert.All(path.State.Boards.Keys, expiry => Assert.True(expiry > settings.StartTime + settings.Steps * settings.StepSeconds));
    }

    [Fact]
    public void Pnl_components_add_up_to_the_pnl()
    {
        var result = ScenarioRunner.RunPath(TestScenarios.Short(days: 15, paths: 1), 0);

        double sum = result.Components.Sum();

        Assert.Equal(result.Pnl, sum, 4);
        Assert.True(Math.Abs(result.Components[(int)PnlComponent.Residual]) < 0.2 * Math.Abs(result.Components[(int)PnlComponent.Delta]) + 1_000,
            $"residual {result.Components[(int)PnlComponent.Residual]} vs delta {result.Components[(int)PnlComponent.Delta]}");
    }

    [Fact]
    public void Lp_deposits_go_through_the_engine_as_capital()
    {
        var settings = TestScenarios.Short(days: 30, paths: 1) with { Flow = new OrderFlowSettings { DepositsPerYear = 100 } };
        var path = ScenarioRunner.CreatePath(settings, 0);

        var result = path.Run(record: false);

        Assert.True(result.Deposits > 0);
        Assert.True((double)path.State.Capital(Asset.Quote) > (double)settings.InitialCapital + result.Deposits - 1e7);
    }
}
