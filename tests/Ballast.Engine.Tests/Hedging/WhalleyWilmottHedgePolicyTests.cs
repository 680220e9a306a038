using Ballast.Engine.Hedging;

namespace Ballast.Engine.Tests.Hedging;

/// <summary>Whalley-Wilmott (1997) band H = (3 e^(−r(T−t)) λ S Γ² / (2γ))^(1/3): width, hold inside, trade to the edge.</summary>
public class WhalleyWilmottHedgePolicyTests
{
    private static readonly WhalleyWilmottParameters Parameters = new() { RiskAversion = 0.001, HedgeCap = 1_000 };
    private static readonly WhalleyWilmottHedgePolicy Policy = new(Parameters);

    [Fact]
    public void Half_width_matches_the_formula_by_hand()
    {
        // λ = 0.0007, S = 2000, Γ = −0.05, γ = 0.001, r = 0: H³ = 3·0.0007·2000·0.0025 / 0.002 = 5.25, H = 1.7380133224...
        var context = HedgeContexts.With(-10, 10, gamma: -0.05);
        // ∛5.25 from mpmath (40 digits): 1.7380133224432248934...
        Assert.Equal(1.7380133224432248934, WhalleyWilmottHedgePolicy.HalfWidth(context, Parameters), 1e-12);
    }

    [Fact]
    public void Half_width_is_discounted_by_the_rate_over_the_time_to_expiry()
    {
        var context = HedgeContexts.With(-10, 10) with { RiskFreeRate = 0.05, TimeToExpiryYears = 1 };
        Assert.Equal(Math.Cbrt(5.25 * Math.Exp(-0.05)), WhalleyWilmottHedgePolicy.HalfWidth(context, Parameters), 1e-12);
    }

    [Fact]
    public void Band_scales_as_gamma_to_the_two_thirds_and_cost_to_the_one_third()
    {
        var baseContext = HedgeContexts.With(0, 0, gamma: -0.05);
        double h = WhalleyWilmottHedgePolicy.HalfWidth(baseContext, Parameters);
        Assert.Equal(h * Math.Pow(8, 2.0 / 3), WhalleyWilmottHedgePolicy.HalfWidth(baseContext with { NetGamma = -0.4 }, Parameters), 1e-9);
        Assert.Equal(h * 2, WhalleyWilmottHedgePolicy.HalfWidth(baseContext with { ProportionalCost = 0.0056 }, Parameters), 1e-9);
        Assert.Equal(h / 2, WhalleyWilmottHedgePolicy.HalfWidth(baseContext, Parameters with { RiskAversion = 0.008 }), 1e-9);
    }

    [Fact]
    public void Inside_the_band_the_hedge_is_held()
    {
        var decision = Policy.Decide(HedgeContexts.With(netDelta: -10, currentHedge: 11.7));
        Assert.False(decision.ShouldTrade);
        Assert.Equal(HedgeDecisionReason.InsideBand, decision.Reason);
    }

    [Fact]
    public void Outside_the_band_the_hedge_moves_to_the_nearest_edge_not_the_centre()
    {
        double h = Math.Cbrt(5.25);
        var above = Policy.Decide(HedgeContexts.With(netDelta: -10, currentHedge: 15));
        Assert.Equal(10 + h, above.TargetHedge, 1e-12);
        Assert.Equal(10 + h - 15, above.OrderSize, 1e-12);
        Assert.Equal(HedgeDecisionReason.OutsideBand, above.Reason);

        var below = Policy.Decide(HedgeContexts.With(netDelta: -10, currentHedge: 2));
        Assert.Equal(10 - h, below.TargetHedge, 1e-12);
    }

    [Fact]
    public void Zero_gamma_means_a_zero_width_band_unless_floored()
    {
        var context = HedgeContexts.With(-10, 9.9, gamma: 0);
        Assert.Equal(0.1, Policy.Decide(context).OrderSize, 1e-12);
        var floored = new WhalleyWilmottHedgePolicy(Parameters with { MinimumHalfWidth = 0.5 });
        Assert.False(floored.Decide(context).ShouldTrade);
    }

    [Fact]
    public void The_band_edge_is_kept_within_the_hedge_cap()
    {
        var capped = new WhalleyWilmottHedgePolicy(Parameters with { HedgeCap = 20 });
        var decision = capped.Decide(HedgeContexts.With(netDelta: -500, currentHedge: 0));
        Assert.Equal(20 - Math.Cbrt(5.25), decision.TargetHedge, 1e-12);
        Assert.True(Math.Abs(decision.TargetHedge) <= 20);
    }

    [Fact]
    public void Invalid_risk_aversion_is_a_typed_parameter_error()
    {
        Assert.Equal(HedgeParameterError.NotPositive, (Parameters with { RiskAversion = 0 }).Validate().Error);
        Assert.Equal(HedgeParameterError.NotFinite, (Parameters with { RiskAversion = double.NaN }).Validate().Error);
        Assert.Throws<ArgumentException>(() => new WhalleyWilmottHedgePolicy(Parameters with { RiskAversion = -1 }));
    }
}
