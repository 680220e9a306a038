using Ballast.Engine.Hedging;

namespace Ballast.Engine.Tests.Hedging;

public class HedgePolicySettingsTests
{
    [Theory]
    [InlineData(HedgePolicyKind.Lyra, typeof(LyraHedgePolicy))]
    [InlineData(HedgePolicyKind.WhalleyWilmott, typeof(WhalleyWilmottHedgePolicy))]
    [InlineData(HedgePolicyKind.TimeBased, typeof(TimeBasedHedgePolicy))]
    [InlineData(HedgePolicyKind.GammaAware, typeof(GammaAwareHedgePolicy))]
    public void Each_kind_builds_its_policy_from_default_parameters(HedgePolicyKind kind, Type expected)
    {
        var validation = HedgePolicySettings.Default(kind).TryCreatePolicy(out var policy);
        Assert.True(validation.IsValid, validation.Message);
        Assert.IsType(expected, policy);
        Assert.Equal(kind, policy!.Kind);
    }

    [Fact]
    public void Selecting_a_kind_without_its_parameters_is_a_typed_error()
    {
        var settings = new HedgePolicySettings(HedgePolicyKind.WhalleyWilmott) { Lyra = new() };
        Assert.Equal(HedgeParameterError.MissingParameters, settings.TryCreatePolicy(out var policy).Error);
        Assert.Null(policy);
        Assert.Equal(HedgeParameterError.MissingParameters, new HedgePolicySettings((HedgePolicyKind)99).TryCreatePolicy(out _).Error);
    }

    [Fact]
    public void Invalid_parameters_of_the_selected_kind_name_the_parameter()
    {
        var settings = new HedgePolicySettings(HedgePolicyKind.Lyra) { Lyra = new() { HedgeCap = -1 } };
        var validation = settings.TryCreatePolicy(out var policy);
        Assert.Equal(HedgeParameterError.Negative, validation.Error);
        Assert.Contains("hedge cap", validation.Message);
        Assert.Null(policy);
        Assert.Equal(HedgeParameterError.NotPositive, new LyraHedgeParameters { MaxOrderSize = 0 }.Validate().Error);
        Assert.Equal(HedgeParameterError.NotFinite, new LyraHedgeParameters { DeltaThreshold = double.NaN }.Validate().Error);
    }
}
