using Ballast.Engine.Hedging;

namespace Ballast.Engine.Tests.Hedging;

/// <summary>Lyra-style canHedge: risk-increasing trades wait while hedging is impossible.</summary>
public class HedgeGateTests
{
    private static readonly HedgeHealth Under = new(HedgeStatus.UnderHedged, UnderHedgeReason.NoEligibleVenue, 5m, "no venue");

    [Fact]
    public void While_hedged_every_trade_may_proceed()
    {
        Assert.True(HedgeGate.CanHedge(HedgeHealth.Hedged, netOptionDelta: 50, currentHedge: -10, tradeDelta: 100));
    }

    [Theory]
    [InlineData(10, 0, 2, false)]     // long delta grows
    [InlineData(10, 0, -2, true)]     // long delta shrinks
    [InlineData(10, 0, -20, true)]    // flips to −10: same size, not larger
    [InlineData(10, 0, -21, false)]   // flips past it: larger
    [InlineData(-10, 10, 0.5, false)] // hedged to zero: any trade adds risk
    [InlineData(-10, 10, 0, true)]    // no delta change
    public void While_under_hedged_only_trades_that_do_not_grow_the_unhedged_delta_pass(double delta, double hedge, double trade, bool allowed)
    {
        Assert.Equal(allowed, HedgeGate.CanHedge(Under, delta, hedge, trade));
    }

    [Fact]
    public void Non_finite_inputs_never_pass()
    {
        Assert.False(HedgeGate.CanHedge(HedgeHealth.Hedged, double.NaN, 0, 1));
        Assert.False(HedgeGate.CanHedge(HedgeHealth.Hedged, 0, 0, double.PositiveInfinity));
    }
}
