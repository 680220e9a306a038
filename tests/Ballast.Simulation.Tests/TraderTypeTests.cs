using Ballast.Simulation.Flow;
using Ballast.Simulation.Runner;

namespace Ballast.Simulation.Tests;

public class TraderTypeTests
{
    [Fact]
    public void Informed_flow_is_toxic_and_noise_flow_pays_the_vault()
    {
        var settings = TestScenarios.Short(days: 20, paths: 2) with { Flow = new OrderFlowSettings { InformedIntensity = 2 } };

        var error = ScenarioRunner.TryRun(settings, [], 1, null, null, out var report, out _);
        var summary = report!.Cells[0].Summary;

        Assert.Equal(Scenarios.ScenarioError.None, error);
        Assert.True(summary.TradesMean[(int)TraderType.Informed] > 10);
        Assert.True(summary.MarkoutPerTrade[(int)TraderType.Informed] < 0, $"informed markout {summary.MarkoutPerTrade[(int)TraderType.Informed]}");
        Assert.True(summary.MarkoutPerTrade[(int)TraderType.Noise] > 0, $"noise markout {summary.MarkoutPerTrade[(int)TraderType.Noise]}");
    }

    [Fact]
    public void Arbitrageurs_trade_when_the_reference_surface_is_far_from_the_vaults()
    {
        // A steep reference smile puts the wings' reference vol far above the vault's: arbitrageurs buy them.
        var settings = TestScenarios.Short(days: 10, paths: 1) with
        {
            Flow = new OrderFlowSettings { ArbitrageIntensity = 4, ReferenceSmile = 60, NoiseIntensity = 0, InformedIntensity = 0 },
        };

        var path = ScenarioRunner.RunPath(settings, 0);

        Assert.True(path.Trades[(int)TraderType.Arbitrageur] > 0);
        Assert.Equal(0, path.Trades[(int)TraderType.Noise]);
    }

    [Fact]
    public void Without_noise_flow_a_higher_edge_decay_means_fewer_noise_trades()
    {
        var loose = TestScenarios.Short(days: 10, paths: 1) with { Flow = new OrderFlowSettings { NoiseEdgeDecay = 1, InformedIntensity = 0 } };
        var strict = loose with { Flow = loose.Flow with { NoiseEdgeDecay = 40 } };

        long looseTrades = ScenarioRunner.RunPath(loose, 0).Trades[(int)TraderType.Noise];
        long strictTrades = ScenarioRunner.RunPath(strict, 0).Trades[(int)TraderType.Noise];

        Assert.True(strictTrades < looseTrades, $"{strictTrades} vs {looseTrades}");
    }
}
