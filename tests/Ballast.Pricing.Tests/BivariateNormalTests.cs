using Ballast.Pricing.American;

namespace Ballast.Pricing.Tests;

public class BivariateNormalTests
{
    // Reference: M(a, b; ρ) = ∫_{−∞}^a n(x) Φ((b − ρx)/√(1 − ρ²)) dx evaluated with mpmath.quad at 30 digits.
    [Theory]
    [InlineData(0, 0, 0.5, 0.3333333333333333333333333)]
    [InlineData(0.3, -0.7, 0.786, 0.2346615758662123428117895)]
    [InlineData(-1.2, 0.4, -0.786, 0.01027248439173717781641751)]
    [InlineData(2.5, 1.5, 0.786, 0.9323400948616217376798325)]
    [InlineData(-3, -2, 0.786, 0.001097956668395033630806669)]
    [InlineData(-3, 2.5, -0.786, 0.0006129079053458158941852497)]
    [InlineData(1, 1, -0.9, 0.6826896374355244386341078)]
    [InlineData(-5, -4, 0.9, 0.0000002656200975043943515252272)]
    [InlineData(0.1, -6, -0.786, 1.581309202493586545564902e-23)]
    [InlineData(8, -1, 0.786, 0.1586552539314570514147675)]
    public void Cdf_matches_high_precision_quadrature_to_1e_15_absolute(double a, double b, double rho, double expected)
    {
        Assert.Equal(expected, BivariateNormal.Cdf(a, b, rho), 1e-15);
    }

    [Fact]
    public void Cdf_satisfies_the_reflection_identity_used_by_the_two_step_formula()
    {
        // M(x, y; ρ) + M(−x, y; −ρ) = Φ(y) for every x, y.
        for (double x = -4; x <= 4; x += 0.5)
        for (double y = -4; y <= 4; y += 0.5)
            Assert.Equal(Normal.Cdf(y), BivariateNormal.Cdf(x, y, 0.786) + BivariateNormal.Cdf(-x, y, -0.786), 1e-15);
    }
}
