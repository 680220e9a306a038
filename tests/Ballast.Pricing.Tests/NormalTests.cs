using Ballast.Pricing;

namespace Ballast.Pricing.Tests;

public class NormalTests
{
    [Theory]
    // Reference values: Φ(x) evaluated to 40 digits with mpmath.ncdf.
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 0.841344746068542948585232545632)]
    [InlineData(-1.0, 0.158655253931457051414767454368)]
    [InlineData(-5.0, 2.86651571879193911673752333463e-7)]
    [InlineData(-10.0, 7.61985302416052606597334325145e-24)]
    [InlineData(-30.0, 4.906713927148187059533809256580e-198)]
    [InlineData(-37.5, 4.60535300958195484382796909761e-308)]
    [InlineData(-20.3, 6.42924446769834633857120694732e-92)]
    [InlineData(-7.77, 3.92430631613157431092020451119e-15)]
    [InlineData(-0.7, 0.241963652223073028616210682314)]
    [InlineData(-1.3, 0.0968004845856103255417155607394)]
    [InlineData(2.5, 0.993790334674223864833021895426)]
    public void Cdf_matches_high_precision_values_to_relative_2e15_deep_into_the_lower_tail(double x, double expected)
    {
        Assert.Equal(expected, Normal.Cdf(x), expected * 2e-15);
    }

    [Fact]
    public void Cdf_is_symmetric_and_monotone()
    {
        double prev = 0;
        for (double x = -12; x <= 12; x += 0.01)
        {
            double c = Normal.Cdf(x);
            Assert.True(c >= prev);
            Assert.Equal(1.0, c + Normal.Cdf(-x), 1e-15);
            prev = c;
        }
    }
}
