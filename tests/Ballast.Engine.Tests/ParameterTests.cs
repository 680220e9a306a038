using System.Reflection;
using Ballast.Engine.Parameters;
using FsCheck.Xunit;

namespace Ballast.Engine.Tests;

public class ParameterTests
{
    private static readonly VaultParameters D = VaultParameters.Default;

    [Fact]
    public void Defaults_are_Lyra_v1_sETH_test_defaults()
    {
        // derivexyz/v1-core test/utils/defaultParams.ts (commit 1207dea2), DEFAULT_PRICING_PARAMS
        Assert.Equal(0.01, D.OptionPriceFeeCoefficient);
        Assert.Equal(6 * 604_800, D.OptionPriceFee1xPoint);
        Assert.Equal(16 * 604_800, D.OptionPriceFee2xPoint);
        Assert.Equal(0.01, D.SpotPriceFeeCoefficient);
        Assert.Equal(6 * 604_800, D.SpotPriceFee1xPoint);
        Assert.Equal(12 * 604_800, D.SpotPriceFee2xPoint);
        Assert.Equal(100, D.VegaFeeCoefficient);
        Assert.Equal(5, D.StandardSize);
        Assert.Equal(0.75, D.SkewAdjustmentFactor);
        // DEFAULT_VARIANCE_FEE_PARAMS
        Assert.Equal(0.25, D.DefaultVarianceFeeCoefficient);
        Assert.Equal(0.25, D.ForceCloseVarianceFeeCoefficient);
        Assert.Equal(3, D.SkewAdjustmentCoefficient);
        Assert.Equal(1, D.ReferenceSkew);
        Assert.Equal(1, D.MinimumStaticSkewAdjustment);
        Assert.Equal(0.01, D.VegaCoefficient);
        Assert.Equal(0, D.MinimumStaticVega);
        Assert.Equal(1.5, D.IvVarianceCoefficient);
        Assert.Equal(1, D.MinimumStaticIvVariance);
        // DEFAULT_TRADE_LIMIT_PARAMS
        Assert.Equal(0.15, D.MinDelta);
        Assert.Equal(0.25, D.MinForceCloseDelta);
        Assert.Equal(43_200, D.TradingCutoff);
        Assert.Equal(0.35, D.MinBaseIv);
        Assert.Equal(2, D.MaxBaseIv);
        Assert.Equal(0.5, D.MinSkew);
        Assert.Equal(1.5, D.MaxSkew);
        Assert.Equal(0.55, D.MinVol);
        Assert.Equal(3, D.MaxVol);
        Assert.Equal(0.15, D.AbsMinSkew);
        Assert.Equal(5, D.AbsMaxSkew);
        // DEFAULT_FORCE_CLOSE_PARAMS
        Assert.Equal(12 * 3_600, D.IvGwavPeriod);
        Assert.Equal(24 * 3_600, D.SkewGwavPeriod);
        Assert.Equal(1.2, D.ShortVolShock);
        Assert.Equal(1.4, D.ShortPostCutoffVolShock);
        Assert.Equal(0.8, D.LongVolShock);
        Assert.Equal(0.5, D.LongPostCutoffVolShock);
        Assert.Equal(1.3, D.LiquidateVolShock);
        Assert.Equal(1.6, D.LiquidatePostCutoffVolShock);
        Assert.Equal(0.01, D.ShortSpotMin);
        Assert.Equal(0.02, D.LiquidateSpotMin);
        // DEFAULT_GREEK_CACHE_PARAMS
        Assert.Equal(3 * 3_600, D.StaleUpdateDuration);
        Assert.Equal(0.05, D.AcceptableSpotPricePercentMove);
        Assert.Equal(86_400, D.VarianceIvGwavPeriod);
        Assert.Equal(3 * 86_400, D.VarianceSkewGwavPeriod);
        Assert.Equal(86_400, D.OptionValueIvGwavPeriod);
        Assert.Equal(3 * 86_400, D.OptionValueSkewGwavPeriod);
        Assert.Equal(0.05, D.RateAndCarry);
        Assert.Equal(0.5, D.GwavSkewFloor);
        Assert.Equal(2, D.GwavSkewCap);
    }

    [Fact]
    public void Inventory_term_is_off_by_default()
    {
        Assert.Equal(0, D.DeltaRiskAversion);
        Assert.Equal(0, D.VegaRiskAversion);
    }

    [Fact]
    public void Default_parameters_are_valid()
    {
        Assert.True(D.Validate().IsValid, D.Validate().Message);
    }

    [Fact]
    public void Catalog_documents_every_parameter_with_its_default_and_bounds()
    {
        var properties = typeof(VaultParameters)
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(double))
            .Select(p => p.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var names = ParameterCatalog.All.Select(s => s.Name).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.True(properties.SetEquals(names), "catalog and VaultParameters properties differ: "
            + string.Join(", ", properties.Except(names, StringComparer.OrdinalIgnoreCase).Concat(names.Except(properties, StringComparer.OrdinalIgnoreCase))));
        foreach (var spec in ParameterCatalog.All)
        {
            Assert.True(D.TryGet(spec.Name, out double value));
            Assert.Equal(value, spec.Default);
            Assert.InRange(spec.Default, spec.Min, spec.Max);
            Assert.False(string.IsNullOrWhiteSpace(spec.Unit), spec.Name);
            Assert.False(string.IsNullOrWhiteSpace(spec.Description), spec.Name);
        }
    }

    [Fact]
    public void TryWith_returns_an_updated_copy_and_leaves_the_original_alone()
    {
        Assert.True(D.TryWith("standardSize", 10, out var updated, out string? error), error);
        Assert.Null(error);
        Assert.Equal(10, updated.StandardSize);
        Assert.Equal(5, D.StandardSize);
        Assert.Equal(D with { StandardSize = 10 }, updated);
    }

    [Fact]
    public void TryWith_matches_names_case_insensitively()
    {
        Assert.True(D.TryWith("StandardSize", 7, out var updated, out _));
        Assert.Equal(7, updated.StandardSize);
    }

    [Theory]
    [InlineData("noSuchParameter", 1.0, ParameterError.UnknownName)]
    [InlineData("standardSize", double.NaN, ParameterError.NotFinite)]
    [InlineData("standardSize", double.PositiveInfinity, ParameterError.NotFinite)]
    [InlineData("standardSize", 0.0, ParameterError.BelowMinimum)]
    [InlineData("optionPriceFeeCoefficient", 200.5, ParameterError.AboveMaximum)]
    [InlineData("spotPriceFeeCoefficient", 2.01, ParameterError.AboveMaximum)]
    [InlineData("optionPriceFee1xPoint", 604_799.0, ParameterError.BelowMinimum)]
    [InlineData("tradingCutoff", 864_001.0, ParameterError.AboveMaximum)]
    [InlineData("shortVolShock", 0.99, ParameterError.BelowMinimum)]
    [InlineData("longVolShock", 1.01, ParameterError.AboveMaximum)]
    [InlineData("iterations", 2.5, ParameterError.NotInteger)]
    [InlineData("iterations", 0.0, ParameterError.BelowMinimum)]
    [InlineData("deltaRiskAversion", -0.001, ParameterError.BelowMinimum)]
    // 16 weeks 1x point is not at least a week before the 16 weeks 2x point (Lyra setPricingParams).
    [InlineData("optionPriceFee1xPoint", 16 * 604_800.0, ParameterError.CrossConstraint)]
    [InlineData("spotPriceFee2xPoint", 6 * 604_800.0 + 604_799.0, ParameterError.CrossConstraint)]
    [InlineData("minBaseIv", 2.5, ParameterError.CrossConstraint)]
    [InlineData("minVol", 3.5, ParameterError.CrossConstraint)]
    [InlineData("absMaxSkew", 1.4, ParameterError.CrossConstraint)]
    [InlineData("absMinSkew", 0.6, ParameterError.CrossConstraint)]
    public void TryWith_rejects_values_outside_bounds_or_constraints_and_changes_nothing(string name, double value, ParameterError expected)
    {
        var result = D.TryWith(name, value, out var updated);
        Assert.Equal(expected, result.Error);
        Assert.Same(D, updated);
        Assert.False(D.TryWith(name, value, out _, out string? message));
        Assert.False(string.IsNullOrEmpty(message));
    }

    [Fact]
    public void Spot_fee_2x_point_exactly_one_week_after_1x_point_is_accepted()
    {
        Assert.True(D.TryWith("spotPriceFee2xPoint", 7 * 604_800, out var updated, out string? error), error);
        Assert.Equal(7 * 604_800, updated.SpotPriceFee2xPoint);
    }

    [Fact]
    public void Validate_reports_a_broken_cross_constraint_made_with_with()
    {
        var broken = D with { MinSkew = 1.6 };
        var result = broken.Validate();
        Assert.Equal(ParameterError.CrossConstraint, result.Error);
        Assert.Contains("minSkew", result.Message);
    }

    [Fact]
    public void Validate_reports_an_out_of_bounds_value_made_with_with()
    {
        Assert.Equal(ParameterError.NotFinite, (D with { VegaFeeCoefficient = double.NaN }).Validate().Error);
        Assert.Equal(ParameterError.BelowMinimum, (D with { StandardSize = -1 }).Validate().Error);
    }

    [Property(MaxTest = 300)]
    public void Any_value_within_a_parameters_bounds_is_accepted_unless_it_breaks_a_cross_constraint(int index, ushort fraction)
    {
        var spec = ParameterCatalog.All[(int)((uint)index % (uint)ParameterCatalog.All.Count)];
        double value = spec.Min + (spec.Max - spec.Min) * (fraction / (double)ushort.MaxValue);
        if (spec.IsInteger) value = Math.Round(value);
        var result = D.TryWith(spec.Name, value, out var updated);
        Assert.True(result.Error is ParameterError.None or ParameterError.CrossConstraint, result.Message);
        if (result.IsValid) Assert.True(updated.Validate().IsValid);
    }
}
