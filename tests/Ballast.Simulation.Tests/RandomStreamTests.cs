using Ballast.Simulation.Randomness;
using Ballast.Simulation.Runner;

namespace Ballast.Simulation.Tests;

public class RandomStreamTests
{
    [Fact]
    public void SplitMix64_matches_the_reference_sequence_for_seed_1234567()
    {
        // Reference outputs of Vigna's splitmix64.c (also java.util.SplittableRandom) for seed 1234567.
        ulong state = 1234567;
        Assert.Equal(6457827717110365317UL, SplitMix64.Next(ref state));
        Assert.Equal(3203168211198807973UL, SplitMix64.Next(ref state));
        Assert.Equal(9817491932198370423UL, SplitMix64.Next(ref state));
    }

    [Fact]
    public void Xoshiro256StarStar_matches_the_reference_outputs_from_state_1_2_3_4()
    {
        // xoshiro256starstar.c from state {1, 2, 3, 4}: first output rotl(2·5, 7)·9 = 1280·9 = 11520, then 0, ...
        var rng = Xoshiro256StarStar.FromState(1, 2, 3, 4);
        Assert.Equal(11520UL, rng.NextUInt64());
        Assert.Equal(0UL, rng.NextUInt64());
        Assert.Equal(1509978240UL, rng.NextUInt64());
        Assert.Equal(1215971899390074240UL, rng.NextUInt64());
    }

    [Fact]
    public void Path_streams_depend_only_on_seed_and_path_index()
    {
        var a = Xoshiro256StarStar.ForPath(42, 7);
        var b = Xoshiro256StarStar.ForPath(42, 7);
        var otherPath = Xoshiro256StarStar.ForPath(42, 8);
        var otherSeed = Xoshiro256StarStar.ForPath(43, 7);
        ulong first = a.NextUInt64();

        Assert.Equal(first, b.NextUInt64());
        Assert.NotEqual(first, otherPath.NextUInt64());
        Assert.NotEqual(first, otherSeed.NextUInt64());
    }

    [Fact]
    public void Gaussian_draws_have_zero_mean_unit_variance_and_no_excess_kurtosis()
    {
        const int n = 200_000;
        var rng = new Xoshiro256StarStar(2024);
        var x = new double[n];
        for (int i = 0; i < n; i++) x[i] = rng.NextGaussian();
        var stats = SampleStatistics.Of(x);
        double fourth = x.Select(v => Math.Pow(v - stats.Mean, 4)).Average() / Math.Pow(stats.StandardDeviation, 4);

        // Sampling errors for n = 200,000: mean 1/√n = 0.0022, variance √(2/n) = 0.0032, kurtosis √(24/n) = 0.011; 4 SE allowed.
        Assert.InRange(stats.Mean, -0.009, 0.009);
        Assert.InRange(stats.StandardDeviation * stats.StandardDeviation, 1 - 0.013, 1 + 0.013);
        Assert.InRange(fourth, 3 - 0.044, 3 + 0.044);
    }

    [Fact]
    public void Uniform_draws_stay_in_the_unit_interval_with_mean_one_half()
    {
        var rng = new Xoshiro256StarStar(7);
        double sum = 0;
        for (int i = 0; i < 100_000; i++)
        {
            double u = rng.NextDouble(), open = rng.NextOpenDouble();
            Assert.InRange(u, 0.0, 1.0 - double.Epsilon);
            Assert.True(open > 0 && open < 1);
            sum += u;
        }

        // SE of the mean = √(1/12)/√100000 = 0.00091; 4 SE.
        Assert.InRange(sum / 100_000, 0.5 - 0.0037, 0.5 + 0.0037);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(4.0)]
    [InlineData(75.0)]
    public void Poisson_draws_have_mean_and_variance_equal_to_the_intensity(double mean)
    {
        const int n = 100_000;
        var rng = new Xoshiro256StarStar(11);
        var x = new double[n];
        for (int i = 0; i < n; i++) x[i] = rng.NextPoisson(mean);
        var stats = SampleStatistics.Of(x);

        // SE of the mean √(λ/n); SE of the variance ≈ λ·√(2/n) (plus a small λ/n term); 4 SE allowed.
        Assert.InRange(stats.Mean, mean - 4 * Math.Sqrt(mean / n), mean + 4 * Math.Sqrt(mean / n));
        double variance = stats.StandardDeviation * stats.StandardDeviation, seVariance = Math.Sqrt((2 * mean * mean + mean) / n);
        Assert.InRange(variance, mean - 4 * seVariance, mean + 4 * seVariance);
    }
}
