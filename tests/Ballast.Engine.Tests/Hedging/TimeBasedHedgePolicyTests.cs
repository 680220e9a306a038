using Ballast.Engine.Hedging;

namespace Ballast.Engine.Tests.Hedging;

public class TimeBasedHedgePolicyTests
{
    private static readonly TimeBasedHedgePolicy Policy = new(new TimeBasedHedgeParameters
    {
        IntervalSeconds = 3_600, HedgeCap = 50, MinimumTradeSize = 0.5, MaxOrderSize = 30,
    });

    [Fact]
    public void Before_the_interval_nothing_trades_however_large_the_gap()
    {
        var decision = Policy.Decide(HedgeContexts.With(netDelta: -40, currentHedge: 0, secondsSinceLastHedge: 3_599));
        Assert.False(decision.ShouldTrade);
        Assert.Equal(HedgeDecisionReason.IntervalNotElapsed, decision.Reason);
    }

    [Fact]
    public void After_the_interval_it_trades_fully_to_the_capped_target()
    {
        var decision = Policy.Decide(HedgeContexts.With(netDelta: -20, currentHedge: 4, secondsSinceLastHedge: 3_600));
        Assert.Equal(16, decision.OrderSize);
        Assert.Equal(HedgeDecisionReason.IntervalElapsed, decision.Reason);
        Assert.Equal(50, Policy.Decide(HedgeContexts.With(-80, 40, 3_600)).TargetHedge);
    }

    [Fact]
    public void Orders_are_capped_and_dust_is_skipped()
    {
        Assert.Equal(-30, Policy.Decide(HedgeContexts.With(netDelta: 45, currentHedge: 0, secondsSinceLastHedge: 4_000)).OrderSize);
        var dust = Policy.Decide(HedgeContexts.With(netDelta: -10.2, currentHedge: 10, secondsSinceLastHedge: 4_000));
        Assert.Equal(HedgeDecisionReason.BelowMinimumTrade, dust.Reason);
    }

    [Fact]
    public void Zero_interval_is_a_typed_parameter_error()
    {
        var validation = new TimeBasedHedgeParameters { IntervalSeconds = 0 }.Validate();
        Assert.Equal(HedgeParameterError.NotPositive, validation.Error);
        Assert.Contains("interval", validation.Message);
    }
}
