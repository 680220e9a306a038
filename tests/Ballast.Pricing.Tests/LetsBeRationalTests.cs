using Ballast.Pricing;
using Ballast.Pricing.Volatility;

namespace Ballast.Pricing.Tests;

public class LetsBeRationalTests
{
    private const double Epsilon = 2.220446049250313e-16;

    [Theory]
    // b(x, s) = e^(x/2)Φ(x/s + s/2) − e^(−x/2)Φ(x/s − s/2) evaluated with mpmath at 50 digits; one or more points
    // in each of the four evaluation regions (asymptotic h + t < −10, small t < 0.21, erfcx, erfc for h + t > 0.85).
    [InlineData(-0.2, 0.01, 1.3699954538425284645e-92)] // asymptotic: h = −20, t = 0.005
    [InlineData(-1, 0.06, 4.091278840505169828e-65)] // asymptotic: h = −16.7, t = 0.03
    [InlineData(-3, 0.25, 3.623260891906257043e-35)] // asymptotic: h = −12, t = 0.125
    [InlineData(-5, 0.45, 2.1538373931310382663e-30)] // asymptotic, t > 0.21: h = −11.1, t = 0.225
    [InlineData(-12, 1.0, 1.2910437115451598069e-34)] // asymptotic, t > 0.21: h = −12, t = 0.5
    [InlineData(-30, 1.5, 1.5533565956351539621e-90)] // asymptotic: h = −20, t = 0.75
    [InlineData(-500, 25, 6.5197028927668375507e-123)] // asymptotic, large t: h = −20, t = 12.5
    [InlineData(-2, 0.2, 1.4875954084044469621e-25)] // small t: h = −10, t = 0.1
    [InlineData(-1, 0.2, 1.0642389123487997368e-8)] // small t: h = −5, t = 0.1
    [InlineData(-0.05, 0.1, 0.019767051837750097792)] // small t: h = −0.5, t = 0.05
    [InlineData(0, 0.3, 0.11923538474048503154)] // small t, at the money
    [InlineData(-1e-06, 0.0001, 0.000039396222718302725707)] // small t: h = −0.01, t = 5e-5
    [InlineData(-1, 0.5, 0.0041423587506785749349)] // erfcx: h = −2, t = 0.25
    [InlineData(-0.2, 1.0, 0.2916981841600693188)] // erfcx: h = −0.2, t = 0.5
    [InlineData(-2, 3, 0.25231900479754946494)] // erfcx: h + t = 0.83
    [InlineData(-0.001, 0.7, 0.27316160456684752594)] // erfcx: h + t = 0.35
    [InlineData(0, 2.0, 0.68268949213708589717)] // erfc: h = 0, t = 1
    [InlineData(-10, 8, 0.0067065827501868215158)] // erfc: h = −1.25, t = 4
    [InlineData(-3, 12, 0.22313015823302391846)] // erfc: h = −0.25, t = 6
    public void Normalised_black_matches_50_digit_values_in_every_region(double x, double s, double expected)
    {
        // Relative accuracy is bounded by the conditioning of e^(−(h² + t²)/2) in its exponent: ε·(1 + (h² + t²)/2).
        double h = x / s, t = 0.5 * s;
        double tolerance = 16 * Epsilon * (1.0 + 0.5 * (h * h + t * t));
        Assert.Equal(1.0, LetsBeRational.NormalisedBlack(x, s, OptionType.Call) / expected, tolerance);
        // Puts by the symmetry b(x, s, −1) = b(−x, s, +1).
        Assert.Equal(1.0, LetsBeRational.NormalisedBlack(-x, s, OptionType.Put) / expected, tolerance);
    }

    [Theory]
    [InlineData(0.7, 0.3)]
    [InlineData(2.0, 1.5)]
    [InlineData(0.01, 0.001)]
    public void In_the_money_normalised_price_is_intrinsic_plus_the_out_of_the_money_price(double x, double s)
    {
        double call = LetsBeRational.NormalisedBlack(x, s, OptionType.Call);
        double put = LetsBeRational.NormalisedBlack(x, s, OptionType.Put);
        // Put–call parity in normalised units: b_call − b_put = e^(x/2) − e^(−x/2).
        Assert.Equal(Math.Exp(0.5 * x) - Math.Exp(-0.5 * x), call - put, 1e-15);
    }

    [Fact]
    public void Undiscounted_black_agrees_with_the_textbook_formula_where_that_is_accurate()
    {
        foreach (OptionType type in new[] { OptionType.Call, OptionType.Put })
        foreach (double strike in new[] { 80.0, 100.0, 125.0 })
        {
            double expected = Black76.UndiscountedPrice(type, 100.0, strike, 0.5, 0.4);
            Assert.Equal(expected, LetsBeRational.UndiscountedBlack(type, 100.0, strike, 0.4 * Math.Sqrt(0.5)), 1e-12);
        }
    }

    [Fact]
    public void Implied_total_volatility_inverts_the_normalised_black_across_regions()
    {
        foreach (double x in new[] { -50.0, -3.0, -0.5, -1e-3, 0.0, 1e-3, 0.5, 3.0, 50.0 })
        foreach (double s in new[] { 0.05, 0.2, 1.0, 3.0, 8.0 })
        foreach (OptionType type in new[] { OptionType.Call, OptionType.Put })
        {
            double forward = Math.Exp(0.5 * x), strike = Math.Exp(-0.5 * x);
            double price = LetsBeRational.UndiscountedBlack(type, forward, strike, s);
            double elasticity = s * LetsBeRational.NormalisedVega(x, s) * Math.Sqrt(forward * strike) / price;
            if (!(elasticity > 1e-3)) continue; // time value below the price's resolution (see ImpliedVolatilityTests)
            Assert.Equal(ImpliedVolError.None, LetsBeRational.TryImpliedTotalVolatility(type, price, forward, strike, out double implied));
            Assert.Equal(1.0, implied / s, 1e-13);
        }
    }

    [Theory]
    // Φ⁻¹(p) from mpmath at 50 digits (root of Φ(z) = p for the tiny p).
    [InlineData(1e-300, -37.047096299361199237)]
    [InlineData(1e-100, -21.273453560965324295)]
    [InlineData(1e-20, -9.2623400897984075737)]
    [InlineData(1e-11, -6.7060231554951362873)]
    [InlineData(1e-5, -4.2648907939228246285)]
    [InlineData(0.01, -2.3263478740408411009)]
    [InlineData(0.07, -1.4757910281791707352)]
    [InlineData(0.3, -0.52440051270804078404)]
    [InlineData(0.8, 0.84162123357291420518)]
    [InlineData(0.975, 1.9599639845400542355)]
    public void Inverse_normal_cdf_matches_50_digit_values_to_1e_15_relative(double p, double expected)
    {
        Assert.Equal(1.0, Normal.InverseCdf(p) / expected, 1e-15);
    }

    [Fact]
    public void Inverse_normal_cdf_inverts_the_cdf_and_handles_the_ends()
    {
        Assert.Equal(0.0, Normal.InverseCdf(0.5));
        Assert.Equal(double.NegativeInfinity, Normal.InverseCdf(0.0));
        Assert.Equal(double.PositiveInfinity, Normal.InverseCdf(1.0));
        for (double z = -30; z <= 8; z += 0.37)
            Assert.Equal(z, Normal.InverseCdf(Normal.Cdf(z)), 1e-13 * Math.Max(1.0, Math.Abs(z)) * (z > 0 ? Math.Exp(0.5 * z * z) : 1.0));
    }
}
