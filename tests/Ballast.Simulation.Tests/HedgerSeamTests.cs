using Ballast.Engine.Hedging;
using Ballast.Simulation.Metrics;
using Ballast.Simulation.Runner;

namespace Ballast.Simulation.Tests;

public class HedgerSeamTests
{
    /// <summary>A test double for the hedging component: hold exactly minus the vault's delta, pay 10 bp.</summary>
    private sealed class FullHedge : IDeltaHedger
    {
        public double CostRate => 0.001;

        public double TargetHedge(in HedgeContext context, long now) => context.FullHedge;
    }

    [Fact]
    public void A_plugged_in_hedger_flattens_delta_and_its_pnl_is_booked_separately()
    {
        var settings = TestScenarios.Short(days: 10, paths: 1);

        var unhedged = ScenarioRunner.RunPath(settings, 0);
        var hedged = ScenarioRunner.RunPath(settings, 0, new FullHedge());

        Assert.Equal(0, unhedged.Components[(int)PnlComponent.Hedge]);
        Assert.NotEqual(0, hedged.Components[(int)PnlComponent.Hedge]);
        Assert.Equal(0, hedged.FinalNetDelta, 6);
        Assert.Equal(hedged.Pnl, hedged.Components.Sum(), 4);
        Assert.True(Math.Abs(hedged.Components[(int)PnlComponent.Delta] + hedged.Components[(int)PnlComponent.Hedge])
                    < Math.Abs(unhedged.Components[(int)PnlComponent.Delta]));
    }

    [Fact]
    public void The_engines_Lyra_hedge_policy_plugs_into_the_runner()
    {
        var settings = TestScenarios.Short(days: 20, paths: 1);
        Assert.True(PolicyDeltaHedger.TryCreate(HedgePolicyKind.Lyra, 0.0005, out var hedger, out string message), message);

        var hedged = ScenarioRunner.RunPath(settings, 0, hedger);

        Assert.True(hedged.HedgeTrades > 0);
        Assert.True(hedged.Components[(int)PnlComponent.Hedge] != 0);
        Assert.Equal(hedged.Pnl, hedged.Components.Sum(), 4);
    }

    [Fact]
    public void A_negative_hedge_cost_is_refused()
    {
        Assert.False(PolicyDeltaHedger.TryCreate(HedgePolicyKind.WhalleyWilmott, -0.01, out _, out string message));
        Assert.Contains("hedge cost", message);
    }
}
