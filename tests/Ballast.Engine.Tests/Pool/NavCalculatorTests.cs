using Ballast.Engine.Pool;

namespace Ballast.Engine.Tests.Pool;

public class NavCalculatorTests
{
    [Fact]
    public void Nav_is_quote_plus_base_at_spot_plus_hedges_minus_settlements_queued_deposits_and_option_liability()
    {
        // 1,000,000 + 100·2,000 + 5,000 − 20,000 − 50,000 − 30,000 = 1,105,000
        var r = NavCalculator.Compute(new NavInputs(1_000_000m, 100m, 2_000m, 5_000m, 20_000m, 50_000m, 30_000m));
        Assert.True(r.IsValid);
        Assert.False(r.IsInsolvent);
        Assert.Equal(1_105_000m, r.Nav);
        Assert.Equal(1_205_000m, r.Assets);
        Assert.Equal(100_000m, r.Liabilities);
        Assert.Equal(0m, r.Deficit);
    }

    [Fact]
    public void A_net_long_option_book_counts_as_an_asset()
    {
        var r = NavCalculator.Compute(new NavInputs(1_000m, 0, 1m, 0, 0, 0, -250m));
        Assert.Equal(1_250m, r.Nav);
        Assert.Equal(1_250m, r.Assets);
    }

    [Fact]
    public void Liabilities_above_assets_are_reported_as_insolvency_with_the_deficit_not_a_negative_nav()
    {
        var r = NavCalculator.Compute(new NavInputs(100_000m, 10m, 1_000m, 0, 0, 0, 150_000m));
        Assert.True(r.IsValid);
        Assert.True(r.IsInsolvent);
        Assert.Equal(0m, r.Nav);
        Assert.Equal(40_000m, r.Deficit);
    }

    [Fact]
    public void Exactly_zero_net_assets_is_solvent()
    {
        var r = NavCalculator.Compute(new NavInputs(500m, 0, 1m, 0, 0, 0, 500m));
        Assert.False(r.IsInsolvent);
        Assert.Equal(0m, r.Nav);
    }

    [Theory]
    [InlineData(-1, 0, 1, 0, 0, NavInputError.NegativeBalance)]
    [InlineData(0, -1, 1, 0, 0, NavInputError.NegativeBalance)]
    [InlineData(0, 0, 1, -1, 0, NavInputError.NegativeBalance)]
    [InlineData(0, 0, 1, 0, -1, NavInputError.NegativeBalance)]
    [InlineData(0, 0, 0, 0, 0, NavInputError.NonPositiveSpot)]
    [InlineData(0, 0, -5, 0, 0, NavInputError.NonPositiveSpot)]
    public void Bad_inputs_are_refused_with_a_typed_error(int quote, int baseBalance, int spot, int settlements, int queued, NavInputError expected)
    {
        var r = NavCalculator.Compute(new NavInputs(quote, baseBalance, spot, 0, settlements, queued, 0));
        Assert.Equal(expected, r.Error);
        Assert.False(r.IsValid);
        Assert.False(r.IsInsolvent);
        Assert.NotNull(r.Message);
    }

    [Fact]
    public void Overflowing_inputs_are_refused_not_thrown()
    {
        var r = NavCalculator.Compute(new NavInputs(0, decimal.MaxValue, 10m, 0, 0, 0, 0));
        Assert.Equal(NavInputError.Overflow, r.Error);
    }
}
