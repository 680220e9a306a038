using Ballast.Pricing.Batch;
using Xunit.Abstractions;

namespace Ballast.Pricing.Tests;

/// <summary>
/// The batch pricers give the scalar path's numbers. Tolerance, per value: |batch − scalar| ≤ 1e-12·scale + 1e-290,
/// where scale is the sum of the magnitudes of the terms the value is formed from (for delta, gamma, vega and
/// BSM rho, which are single products, that is the value itself: plain relative error). Why the terms: a price
/// V = ω(S e^(−qT) Φ(ωd1) − K e^(−rT) Φ(ωd2)) of a deep out-of-the-money option with small σ√T is the small
/// difference of two larger terms, each known only to a few ulp in either path, so no computation of V is
/// better than ε × the terms; asking 1e-12 of V itself there would compare rounding noise. The absolute floor
/// 1e-290 covers values near the subnormal range (below 2.2e-308·2^40 fewer than 40 significant bits remain);
/// it is far below any option value of interest.
/// </summary>
public class BatchPricerTests(ITestOutputHelper output)
{
    private const double RelativeTolerance = 1e-12;
    private const double AbsoluteFloor = 1e-290;

    private sealed record Options(OptionType[] Types, double[] Spots, double[] Strikes, double[] Rates, double[] Yields, double[] Times, double[] Vols)
    {
        public int Length => Strikes.Length;

        public BlackScholesBatchInputs Inputs => new(Types, Spots, Strikes, Rates, Yields, Times, Vols);

        public Black76BatchInputs ForwardInputs => new(Types, Spots, Strikes, Rates, Times, Vols);
    }

    private sealed record Results(double[] Prices, double[] Deltas, double[] Gammas, double[] Vegas, double[] Thetas, double[] Rhos)
    {
        public static Results OfLength(int n) => new(new double[n], new double[n], new double[n], new double[n], new double[n], new double[n]);

        public GreeksBatchOutputs Outputs => new(Prices, Deltas, Gammas, Vegas, Thetas, Rhos);
    }

    /// <summary>
    /// A wide seeded grid: ln(S/K) in [−4, 4] (deep in and out of the money), T log-uniform in [1e-4, 30] years,
    /// σ log-uniform in [0.01, 3], r in [−0.02, 0.15], q in [−0.05, 0.10], calls and puts.
    /// </summary>
    private static Options RandomOptions(int count, int seed)
    {
        var random = new Random(seed);
        var o = new Options(new OptionType[count], new double[count], new double[count], new double[count], new double[count], new double[count], new double[count]);
        for (int i = 0; i < count; i++)
        {
            o.Types[i] = random.Next(2) == 0 ? OptionType.Call : OptionType.Put;
            o.Spots[i] = 100.0 * Math.Exp(2.0 * (random.NextDouble() - 0.5));
            o.Strikes[i] = o.Spots[i] * Math.Exp(8.0 * (random.NextDouble() - 0.5));
            o.Rates[i] = -0.02 + 0.17 * random.NextDouble();
            o.Yields[i] = -0.05 + 0.15 * random.NextDouble();
            o.Times[i] = 1e-4 * Math.Pow(3e5, random.NextDouble());
            o.Vols[i] = 0.01 * Math.Pow(300.0, random.NextDouble());
        }

        return o;
    }

    private static Options Repeat(OptionType type, double spot, double strike, double rate, double yield, double time, double vol, int count)
        => new(Enumerable.Repeat(type, count).ToArray(), Enumerable.Repeat(spot, count).ToArray(), Enumerable.Repeat(strike, count).ToArray(),
            Enumerable.Repeat(rate, count).ToArray(), Enumerable.Repeat(yield, count).ToArray(), Enumerable.Repeat(time, count).ToArray(),
            Enumerable.Repeat(vol, count).ToArray());

    private static Results PriceBlackScholes(Options o)
    {
        var r = Results.OfLength(o.Length);
        BatchPricer.BlackScholesMerton(o.Inputs, r.Outputs);
        return r;
    }

    private static Results PriceBlack76(Options o)
    {
        var r = Results.OfLength(o.Length);
        BatchPricer.Black76(o.ForwardInputs, r.Outputs);
        return r;
    }

    /// <summary>Scales (sum of magnitudes of the terms) of price, theta and rho for option i, from the scalar formulas.</summary>
    private static (double Price, double Theta, double Rho) Scales(Options o, int i, bool black76)
    {
        double q = black76 ? o.Rates[i] : o.Yields[i];
        double s = o.Vols[i] * Math.Sqrt(o.Times[i]);
        double sign = o.Types[i] == OptionType.Call ? 1.0 : -1.0;
        double spotTerm = o.Spots[i] * Math.Exp(-q * o.Times[i]);
        double strikeTerm = o.Strikes[i] * Math.Exp(-o.Rates[i] * o.Times[i]);
        if (s > 0)
        {
            double d1 = (Math.Log(o.Spots[i] / o.Strikes[i]) + (o.Rates[i] - q) * o.Times[i]) / s + 0.5 * s;
            spotTerm *= Normal.Cdf(sign * d1);
            strikeTerm *= Normal.Cdf(sign * (d1 - s));
        }

        double price = spotTerm + strikeTerm;
        double decay = s > 0 ? o.Spots[i] * Math.Exp(-q * o.Times[i]) * Normal.Pdf((Math.Log(o.Spots[i] / o.Strikes[i]) + (o.Rates[i] - q) * o.Times[i]) / s + 0.5 * s) * o.Vols[i] / (2 * Math.Sqrt(o.Times[i])) : 0.0;
        double theta = decay + Math.Abs(q) * spotTerm + Math.Abs(o.Rates[i]) * strikeTerm;
        double rho = black76 ? o.Times[i] * price : o.Times[i] * strikeTerm;
        return (price, theta, rho);
    }

    /// <summary>Asserts batch = scalar for every element and returns the worst error relative to |scalar| (diagnostic).</summary>
    private double AssertMatchesScalar(Options o, Results r, bool black76)
    {
        double worstRelative = 0;
        for (int i = 0; i < o.Length; i++)
        {
            OptionGreeks g = black76
                ? Black76.Greeks(o.Types[i], o.Spots[i], o.Strikes[i], o.Rates[i], o.Times[i], o.Vols[i])
                : BlackScholesMerton.Greeks(o.Types[i], o.Spots[i], o.Strikes[i], o.Rates[i], o.Yields[i], o.Times[i], o.Vols[i]);
            var scale = Scales(o, i, black76);
            string what = $"option {i}: {o.Types[i]} S={o.Spots[i]:R} K={o.Strikes[i]:R} r={o.Rates[i]:R} q={o.Yields[i]:R} T={o.Times[i]:R} σ={o.Vols[i]:R}";
            Check("price", g.Price, r.Prices[i], scale.Price);
            Check("delta", g.Delta, r.Deltas[i], Math.Abs(g.Delta));
            Check("gamma", g.Gamma, r.Gammas[i], Math.Abs(g.Gamma));
            Check("vega", g.Vega, r.Vegas[i], Math.Abs(g.Vega));
            Check("theta", g.Theta, r.Thetas[i], scale.Theta);
            Check("rho", g.Rho, r.Rhos[i], scale.Rho);

            void Check(string name, double expected, double actual, double magnitude)
            {
                double error = Math.Abs(actual - expected);
                Assert.True(error <= RelativeTolerance * magnitude + AbsoluteFloor,
                    $"{name} batch {actual:R} vs scalar {expected:R} (error {error:E2}, allowed {RelativeTolerance * magnitude + AbsoluteFloor:E2}) for {what}");
                if (Math.Abs(expected) > 1e-280)
                {
                    worstRelative = Math.Max(worstRelative, error / Math.Abs(expected));
                }
            }
        }

        return worstRelative;
    }

    [Fact]
    public void Black_Scholes_batch_equals_the_scalar_path_on_a_wide_random_grid()
    {
        var options = RandomOptions(20_003, seed: 20261125);
        double worst = AssertMatchesScalar(options, PriceBlackScholes(options), black76: false);
        output.WriteLine($"worst error relative to |scalar value| (including cancellation cases): {worst:E2}");
    }

    [Fact]
    public void Black76_batch_equals_the_scalar_path_on_a_wide_random_grid()
    {
        var options = RandomOptions(10_001, seed: 76);
        double worst = AssertMatchesScalar(options, PriceBlack76(options), black76: true);
        output.WriteLine($"worst error relative to |scalar value| (including cancellation cases): {worst:E2}");
    }

    [Fact]
    public void Delta_gamma_and_vega_agree_to_1e13_relative_near_the_money()
    {
        // Delta, gamma and vega are single products (no cancellation), so near the money they agree to 1e-13 relative.
        var o = RandomOptions(4_000, seed: 7);
        for (int i = 0; i < o.Length; i++)
        {
            // Strike chosen so that d1 = u with u in [−2, 2]: ln(S/K) = (u − s/2)·s − (r − q)T.
            double s = o.Vols[i] * Math.Sqrt(o.Times[i]);
            double u = -2.0 + 4.0 * (i % 9) / 8.0;
            o.Strikes[i] = o.Spots[i] * Math.Exp((o.Rates[i] - o.Yields[i]) * o.Times[i] - (u - 0.5 * s) * s);
        }

        var r = PriceBlackScholes(o);
        for (int i = 0; i < o.Length; i++)
        {
            var g = BlackScholesMerton.Greeks(o.Types[i], o.Spots[i], o.Strikes[i], o.Rates[i], o.Yields[i], o.Times[i], o.Vols[i]);
            Assert.Equal(g.Delta, r.Deltas[i], Math.Abs(g.Delta) * 1e-13);
            Assert.Equal(g.Gamma, r.Gammas[i], Math.Abs(g.Gamma) * 1e-13);
            Assert.Equal(g.Vega, r.Vegas[i], Math.Abs(g.Vega) * 1e-13);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(9)]
    [InlineData(15)]
    [InlineData(17)]
    [InlineData(35)]
    public void Lengths_that_are_not_a_multiple_of_the_vector_width_are_priced_in_full(int length)
    {
        var options = RandomOptions(length, seed: length);
        AssertMatchesScalar(options, PriceBlackScholes(options), black76: false);
    }

    [Fact]
    public void An_option_gets_the_same_bits_in_the_vector_body_and_in_the_scalar_tail()
    {
        // 19 copies: with 8 or 4 lanes some copies go through SIMD lanes and the last ones through the scalar tail.
        var r = PriceBlackScholes(Repeat(OptionType.Put, 97.3, 130.0, 0.031, 0.012, 0.37, 0.43, 19));
        foreach (double[] values in new[] { r.Prices, r.Deltas, r.Gammas, r.Vegas, r.Thetas, r.Rhos })
        {
            Assert.All(values, v => Assert.Equal(BitConverter.DoubleToInt64Bits(values[0]), BitConverter.DoubleToInt64Bits(v)));
        }
    }

    [Theory]
    [InlineData(0.0, 0.3)]
    [InlineData(0.5, 0.0)]
    [InlineData(0.0, 0.0)]
    public void Degenerate_options_with_zero_total_volatility_get_the_scalar_limits_exactly(double time, double vol)
    {
        var o = Repeat(OptionType.Call, 100.0, 90.0, 0.05, 0.02, time, vol, 9);
        o.Types[3] = OptionType.Put;
        o.Strikes[4] = 110.0;
        var r = PriceBlackScholes(o);
        for (int i = 0; i < o.Length; i++)
        {
            var g = BlackScholesMerton.Greeks(o.Types[i], o.Spots[i], o.Strikes[i], o.Rates[i], o.Yields[i], o.Times[i], o.Vols[i]);
            Assert.Equal(new OptionGreeks(g.Price, g.Delta, g.Gamma, g.Vega, g.Theta, g.Rho, 0.0),
                new OptionGreeks(r.Prices[i], r.Deltas[i], r.Gammas[i], r.Vegas[i], r.Thetas[i], r.Rhos[i], 0.0));
        }
    }

    [Fact]
    public void Degenerate_options_mixed_into_a_vector_leave_their_neighbours_correct()
    {
        // Every third option has T = 0 or σ = 0; the others share SIMD lanes with them.
        var o = RandomOptions(37, seed: 11);
        for (int i = 0; i < o.Length; i += 3)
        {
            if (i % 2 == 0) o.Times[i] = 0.0; else o.Vols[i] = 0.0;
        }

        AssertMatchesScalar(o, PriceBlackScholes(o), black76: false);
        AssertMatchesScalar(o, PriceBlack76(o), black76: true);
    }

    [Fact]
    public void Empty_spans_are_a_no_op()
    {
        var o = RandomOptions(0, seed: 1);
        var r = Results.OfLength(0);
        BatchPricer.BlackScholesMerton(o.Inputs, r.Outputs);
        BatchPricer.Black76(o.ForwardInputs, r.Outputs);
        Assert.Empty(r.Prices);
    }

    [Fact]
    public void Input_spans_of_different_lengths_are_a_programming_error()
    {
        var o = RandomOptions(8, seed: 2);
        var r = Results.OfLength(8);
        var shortVols = new BlackScholesBatchInputs(o.Types, o.Spots, o.Strikes, o.Rates, o.Yields, o.Times, o.Vols.AsSpan(0, 7));
        var ex = Assert.Throws<ArgumentException>(() => BatchPricer.BlackScholesMerton(
            new BlackScholesBatchInputs(o.Types, o.Spots, o.Strikes, o.Rates, o.Yields, o.Times, o.Vols.AsSpan(0, 7)), r.Outputs));
        Assert.Contains("vols 7", ex.Message);
        Assert.Throws<ArgumentException>(() => BatchPricer.Black76(
            new Black76BatchInputs(o.Types.AsSpan(1), o.Spots, o.Strikes, o.Rates, o.Times, o.Vols), r.Outputs));
        Assert.Equal(7, shortVols.Vols.Length);
    }

    [Fact]
    public void Output_spans_shorter_than_the_inputs_are_a_programming_error()
    {
        var o = RandomOptions(8, seed: 3);
        var r = Results.OfLength(8);
        Assert.Throws<ArgumentException>(() => BatchPricer.BlackScholesMerton(o.Inputs,
            new GreeksBatchOutputs(r.Prices, r.Deltas, r.Gammas, r.Vegas, r.Thetas, r.Rhos.AsSpan(0, 5))));
        Assert.All(r.Prices, p => Assert.Equal(0.0, p));
    }
}
