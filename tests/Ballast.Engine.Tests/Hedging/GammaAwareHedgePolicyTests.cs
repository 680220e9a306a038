using Ballast.Engine.Hedging;

namespace Ballast.Engine.Tests.Hedging;

public class GammaAwareHedgePolicyTests
{
    private static readonly GammaAwareHedgeParameters Parameters = new()
    {
        Band = new WhalleyWilmottParameters { RiskAversion = 0.001 }, LongGammaBandMultiplier = 2, LongGammaHedgeFraction = 0.5,
    };
    private static readonly GammaAwareHedgePolicy Policy = new(Parameters);
    private static readonly WhalleyWilmottHedgePolicy Plain = new(Parameters.Band);

    [Fact]
    public void Short_gamma_book_gets_the_plain_whalley_wilmott_decision()
    {
        var context = HedgeContexts.With(netDelta: -10, currentHedge: 15, gamma: -0.05);
        Assert.Equal(Plain.Decide(context), Policy.Decide(context));
    }

    [Fact]
    public void Long_gamma_book_aims_for_a_partial_hedge_inside_a_wider_band()
    {
        // Same |gamma| as above, so the plain half-width is ∛5.25; long gamma doubles it and halves the target.
        var context = HedgeContexts.With(netDelta: -10, currentHedge: 0, gamma: 0.05);
        var decision = Policy.Decide(context);
        double h = 2 * Math.Cbrt(5.25);
        Assert.Equal(5 - h, decision.TargetHedge, 1e-12);
        Assert.Equal(5 - h, decision.OrderSize, 1e-12);
    }

    [Fact]
    public void Long_gamma_book_trades_less_than_the_plain_band_for_the_same_gap()
    {
        var longGamma = HedgeContexts.With(netDelta: -10, currentHedge: 0, gamma: 0.05);
        Assert.True(Math.Abs(Policy.Decide(longGamma).OrderSize) < Math.Abs(Plain.Decide(longGamma).OrderSize));
        var inside = HedgeContexts.With(netDelta: -10, currentHedge: 3, gamma: 0.05); // plain band would trade
        Assert.True(Plain.Decide(inside).ShouldTrade);
        Assert.False(Policy.Decide(inside).ShouldTrade);
    }

    [Theory]
    [InlineData(0.5, 0.5, HedgeParameterError.OutOfRange)]
    [InlineData(2, 0, HedgeParameterError.OutOfRange)]
    [InlineData(2, 1.5, HedgeParameterError.OutOfRange)]
    [InlineData(double.NaN, 0.5, HedgeParameterError.NotFinite)]
    public void Out_of_range_multipliers_are_typed_errors(double multiplier, double fraction, HedgeParameterError expected)
    {
        var validation = (Parameters with { LongGammaBandMultiplier = multiplier, LongGammaHedgeFraction = fraction }).Validate();
        Assert.Equal(expected, validation.Error);
    }
}
