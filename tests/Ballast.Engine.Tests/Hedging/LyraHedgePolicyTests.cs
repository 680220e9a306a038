using Ballast.Engine.Hedging;

namespace Ballast.Engine.Tests.Hedging;

/// <summary>Lyra v1 SNXPerpsV2PoolHedger.hedgeDelta rules: cap, interaction delay, delta threshold, flatten bypass, order cap.</summary>
public class LyraHedgePolicyTests
{
    private static readonly LyraHedgePolicy Policy = new(new LyraHedgeParameters
    {
        HedgeCap = 100, InteractionDelaySeconds = 3_600, DeltaThreshold = 10, MaxOrderSize = 40,
    });

    [Fact]
    public void Target_is_minus_the_net_delta()
    {
        var decision = Policy.Decide(HedgeContexts.With(netDelta: -30, currentHedge: 0, secondsSinceLastHedge: 7_200));
        Assert.Equal(30, decision.TargetHedge);
        Assert.Equal(30, decision.OrderSize);
        Assert.Equal(HedgeDecisionReason.DeltaThresholdExceeded, decision.Reason);
    }

    [Fact]
    public void Target_is_clamped_to_the_hedge_cap_on_both_sides()
    {
        Assert.Equal(100, Policy.Decide(HedgeContexts.With(-250, 90, 7_200)).TargetHedge);
        Assert.Equal(-100, Policy.Decide(HedgeContexts.With(250, -90, 7_200)).TargetHedge);
    }

    [Fact]
    public void A_small_gap_waits_for_the_interaction_delay()
    {
        var decision = Policy.Decide(HedgeContexts.With(netDelta: -25, currentHedge: 20, secondsSinceLastHedge: 3_599));
        Assert.False(decision.ShouldTrade);
        Assert.Equal(HedgeDecisionReason.InteractionDelayActive, decision.Reason);
    }

    [Fact]
    public void A_small_gap_is_hedged_once_the_delay_has_passed()
    {
        var decision = Policy.Decide(HedgeContexts.With(netDelta: -25, currentHedge: 20, secondsSinceLastHedge: 3_600));
        Assert.Equal(5, decision.OrderSize);
        Assert.Equal(HedgeDecisionReason.InteractionDelayElapsed, decision.Reason);
    }

    [Fact]
    public void A_gap_at_the_delta_threshold_bypasses_the_delay()
    {
        var decision = Policy.Decide(HedgeContexts.With(netDelta: -30, currentHedge: 20, secondsSinceLastHedge: 0));
        Assert.Equal(10, decision.OrderSize);
        Assert.Equal(HedgeDecisionReason.DeltaThresholdExceeded, decision.Reason);
    }

    [Fact]
    public void Flattening_to_zero_bypasses_the_delay_like_lyra()
    {
        var decision = Policy.Decide(HedgeContexts.With(netDelta: 0, currentHedge: 3, secondsSinceLastHedge: 0));
        Assert.Equal(-3, decision.OrderSize);
        Assert.Equal(HedgeDecisionReason.FlattenToZero, decision.Reason);
    }

    [Fact]
    public void One_order_never_exceeds_the_max_order_cap()
    {
        var decision = Policy.Decide(HedgeContexts.With(netDelta: 90, currentHedge: 0));
        Assert.Equal(-90, decision.TargetHedge);
        Assert.Equal(-40, decision.OrderSize);
    }

    [Fact]
    public void Holding_at_target_is_not_a_trade()
    {
        var decision = Policy.Decide(HedgeContexts.With(netDelta: -12.5, currentHedge: 12.5, secondsSinceLastHedge: 1e9));
        Assert.False(decision.ShouldTrade);
        Assert.Equal(HedgeDecisionReason.AtTarget, decision.Reason);
    }

    [Fact]
    public void A_never_hedged_vault_counts_as_past_the_delay()
    {
        var decision = Policy.Decide(HedgeContexts.With(netDelta: -1, currentHedge: 0, secondsSinceLastHedge: double.PositiveInfinity));
        Assert.Equal(1, decision.OrderSize);
    }

    [Theory]
    [InlineData(double.NaN, 0, 0, HedgeInputError.NotFinite)]
    [InlineData(1, double.PositiveInfinity, 0, HedgeInputError.NotFinite)]
    [InlineData(1, 0, -1, HedgeInputError.NegativeElapsedTime)]
    public void Bad_context_is_rejected_with_a_typed_error_and_no_order(double delta, double hedge, double elapsed, HedgeInputError expected)
    {
        var decision = Policy.Decide(HedgeContexts.With(delta, hedge, elapsed));
        Assert.Equal(expected, decision.Error);
        Assert.Equal(HedgeDecisionReason.InvalidInput, decision.Reason);
        Assert.False(decision.ShouldTrade);
        Assert.Equal(0m, decision.OrderQuantity(0.001m));
        Assert.NotEmpty(decision.Message);
    }

    [Fact]
    public void Non_positive_spot_is_rejected()
    {
        var context = HedgeContexts.With(-5, 0) with { Spot = 0 };
        Assert.Equal(HedgeInputError.NonPositiveSpot, Policy.Decide(context).Error);
    }
}
