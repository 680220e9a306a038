using Ballast.Pricing.Batch;

namespace Ballast.Pricing.Tests;

/// <summary>The batch pricers' own exp, log and normal CDF against Math.Exp, Math.Log, Normal.Cdf and mpmath values.</summary>
public class SimdMathTests
{
    private static double[] Grid(double from, double to, int count, int seed)
    {
        var random = new Random(seed);
        var x = new double[count];
        for (int i = 0; i < count; i++)
        {
            x[i] = from + (to - from) * random.NextDouble();
        }

        return x;
    }

    private static double[] Apply(Action<ReadOnlySpan<double>, Span<double>> function, double[] x)
    {
        var y = new double[x.Length];
        function(x, y);
        return y;
    }

    [Fact]
    public void Exp_is_within_two_ulp_of_Math_Exp_over_the_normal_range()
    {
        double[] x = Grid(-708.0, 709.0, 100_001, seed: 1).Concat(Grid(-1.0, 1.0, 20_001, seed: 2)).Append(0.0).ToArray();
        double[] y = Apply(SimdMath.Exp, x);
        for (int i = 0; i < x.Length; i++)
        {
            double expected = Math.Exp(x[i]);
            Assert.True(Math.Abs(y[i] - expected) <= 2 * 2.3e-16 * expected, $"exp({x[i]:R}) = {y[i]:R}, Math.Exp {expected:R}");
        }
    }

    [Fact]
    public void Exp_clamps_far_outside_the_range_instead_of_returning_garbage()
    {
        double[] y = Apply(SimdMath.Exp, [-1e6, -800.0, 800.0, 1e6, -800.0, 0.0, 1.0, 2.0, -1e6]);
        Assert.All(new[] { y[0], y[1], y[4], y[8] }, v => Assert.InRange(v, 2.23e-308, 2.25e-308));
        Assert.All(new[] { y[2], y[3] }, v => Assert.InRange(v, 8.2e307, 8.3e307));
        Assert.Equal(1.0, y[5]);
    }

    [Fact]
    public void Log_is_within_one_ulp_of_Math_Log()
    {
        var random = new Random(3);
        double[] x = Enumerable.Range(0, 100_000).Select(_ => Math.Exp(1400 * (random.NextDouble() - 0.5)))
            .Concat(Grid(0.5, 2.0, 50_000, seed: 4)).Concat(Grid(0.999, 1.001, 20_000, seed: 5)).Append(1.0).ToArray();
        double[] y = Apply(SimdMath.Log, x);
        for (int i = 0; i < x.Length; i++)
        {
            double expected = Math.Log(x[i]);
            Assert.True(Math.Abs(y[i] - expected) <= Math.Abs(expected) * 2.3e-16, $"log({x[i]:R}) = {y[i]:R}, Math.Log {expected:R}");
        }
    }

    [Theory]
    // Φ(x) to 40 digits with mpmath.ncdf.
    [InlineData(-37.0, 5.725571222524577e-300)]
    [InlineData(-30.0, 4.906713927148187e-198)]
    [InlineData(-20.0, 2.7536241186062337e-89)]
    [InlineData(-10.0, 7.619853024160525e-24)]
    [InlineData(-5.0, 2.866515718791939e-07)]
    [InlineData(-1.0, 0.15865525393145705)]
    [InlineData(-0.5, 0.3085375387259869)]
    [InlineData(0.0, 0.5)]
    [InlineData(0.3, 0.6179114221889527)]
    [InlineData(1.0, 0.8413447460685429)]
    [InlineData(3.0, 0.9986501019683699)]
    [InlineData(8.0, 0.9999999999999993)]
    public void Normal_cdf_matches_high_precision_values(double x, double expected)
    {
        double[] y = Apply(SimdMath.NormalCdf, Enumerable.Repeat(x, 11).ToArray());
        // e^(−x²/2) from a rounded argument: relative error up to ε·x²/2 (7e-14 at x = −37), plus a few ulp.
        Assert.All(y, v => Assert.Equal(expected, v, expected * 1.1e-16 * (8 + x * x / 2)));
    }

    [Fact]
    public void Normal_cdf_agrees_with_the_scalar_Cody_cdf_across_both_tails()
    {
        double[] x = Grid(-37.5, 9.0, 200_001, seed: 6).Concat(Grid(-1.0, 1.0, 20_001, seed: 7)).ToArray();
        double[] y = Apply(SimdMath.NormalCdf, x);
        for (int i = 0; i < x.Length; i++)
        {
            double expected = Normal.Cdf(x[i]);
            // Both are off the true value by rounding an argument (unit roundoff u = 1.1e-16): this one inside
            // e^(−x²/2), up to u·x²/2 relative; Cody's erfc(−x/√2) squares the rounded x/√2 and the rounded
            // constant 1/√2 (itself 0.62u off), up to 1.62·u·x². Measured worst: 0.48 and 1.59 times u·x².
            double allowed = 1.1e-16 * (8 + 2.5 * x[i] * x[i]);
            Assert.True(Math.Abs(y[i] / expected - 1) <= allowed, $"Φ({x[i]:R}) = {y[i]:R}, Normal.Cdf {expected:R}");
        }
    }

    [Fact]
    public void Normal_cdf_is_zero_below_the_underflow_and_one_far_above()
    {
        double[] y = Apply(SimdMath.NormalCdf, [-40.0, -1e10, double.NegativeInfinity, 40.0, 1e10, double.PositiveInfinity]);
        Assert.Equal([0.0, 0.0, 0.0, 1.0, 1.0, 1.0], y);
    }

    [Fact]
    public void Spans_of_different_lengths_are_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => SimdMath.Exp(new double[3], new double[2]));
    }
}
