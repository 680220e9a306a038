using Xunit.Abstractions;

namespace Ballast.Pricing.Tests;

public class RealizedVolatilityTests(ITestOutputHelper output)
{
    // Hand-checked series (mpmath, 30 digits), daily bars annualised with 365 periods per year.
    private static readonly double[] Closes = [100, 110, 99, 105];
    private static readonly double[] Opens = [102, 104];
    private static readonly double[] Highs = [110, 105];
    private static readonly double[] Lows = [100, 98];
    private static readonly double[] BarCloses = [108, 100];

    [Fact]
    public void Close_to_close_is_the_annualised_sample_deviation_of_log_returns()
        => Assert.Equal(2.04224834335400305, RealizedVolatility.CloseToClose(Closes, 365).Vol, 13);

    [Fact]
    public void Ewma_applies_the_riskmetrics_recursion_seeded_with_the_first_squared_return()
        => Assert.Equal(1.79835233084675662, RealizedVolatility.Ewma(Closes, 365).Vol, 13);

    [Fact]
    public void Parkinson_scales_squared_log_ranges_by_one_over_four_ln_2()
        => Assert.Equal(0.954597375185605315, RealizedVolatility.Parkinson(Highs, Lows, 365).Vol, 13);

    [Fact]
    public void Garman_klass_combines_range_and_open_to_close_moves()
        => Assert.Equal(0.961508361784525692, RealizedVolatility.GarmanKlass(Opens, Highs, Lows, BarCloses, 365).Vol, 13);

    [Fact]
    public void A_steady_exponential_trend_has_zero_close_to_close_vol_but_ewma_sees_the_uncentred_return()
    {
        double[] trend = Enumerable.Range(0, 50).Select(i => 100 * Math.Exp(0.01 * i)).ToArray();
        Assert.Equal(0, RealizedVolatility.CloseToClose(trend, 252).Vol, 12);
        // RiskMetrics assumes zero-mean returns: every squared return is 1e-4, so σ = 0.01·√252.
        Assert.Equal(0.01 * Math.Sqrt(252), RealizedVolatility.Ewma(trend, 252).Vol, 12);
    }

    [Fact]
    public void Estimators_recover_the_volatility_of_a_seeded_gbm_path()
    {
        // GBM with σ = 0.8/√year, zero drift, 1000 daily bars each simulated with 2000 sub-steps for the high and low.
        const double sigma = 0.8, periodsPerYear = 365;
        const int bars = 1000, steps = 2000;
        var random = new Random(20260521);
        double stepVol = sigma / Math.Sqrt(periodsPerYear * steps);
        var opens = new double[bars];
        var highs = new double[bars];
        var lows = new double[bars];
        var closes = new double[bars + 1];
        double logPrice = Math.Log(100);
        closes[0] = 100;
        for (int b = 0; b < bars; b++)
        {
            double open = logPrice, high = logPrice, low = logPrice;
            for (int s = 0; s < steps; s++)
            {
                logPrice += -0.5 * stepVol * stepVol + stepVol * StandardNormal(random);
                high = Math.Max(high, logPrice);
                low = Math.Min(low, logPrice);
            }

            opens[b] = Math.Exp(open); highs[b] = Math.Exp(high); lows[b] = Math.Exp(low);
            closes[b + 1] = Math.Exp(logPrice);
        }

        double c2c = RealizedVolatility.CloseToClose(closes, periodsPerYear).Vol;
        double ewma = RealizedVolatility.Ewma(closes, periodsPerYear, 0.995).Vol;
        double parkinson = RealizedVolatility.Parkinson(highs, lows, periodsPerYear).Vol;
        double gk = RealizedVolatility.GarmanKlass(opens, highs, lows, closes.AsSpan(1), periodsPerYear).Vol;
        output.WriteLine($"close-to-close {c2c:F4}  ewma(0.995) {ewma:F4}  parkinson {parkinson:F4}  garman-klass {gk:F4}");

        // Tolerances: close-to-close sampling s.e. σ/√(2n) = 2.2%, ×3. EWMA(0.995) relative s.e. ≈ ½√(2(1−λ)/(1+λ)) = 3.5%, ×3.
        // Parkinson/Garman-Klass s.e. ≈ 1%, plus the discrete-monitoring bias of the range with 2000 sub-steps
        // (≈ −1.6%: Broadie-Glasserman-Kou's 0.5826·σ√Δt shift at each extreme): 5% covers 3 s.e. plus the bias.
        Assert.Equal(sigma, c2c, 3 * sigma / Math.Sqrt(2 * bars));
        Assert.Equal(sigma, ewma, 0.105 * sigma);
        Assert.Equal(sigma, parkinson, 0.05 * sigma);
        Assert.Equal(sigma, gk, 0.05 * sigma);
    }

    [Fact]
    public void Bad_series_get_typed_errors_naming_the_observation()
    {
        Assert.Equal(RealizedVolError.TooFewObservations, RealizedVolatility.CloseToClose([100, 101], 365).Error);
        Assert.Equal(RealizedVolError.TooFewObservations, RealizedVolatility.Ewma([100], 365).Error);
        Assert.Equal(RealizedVolError.TooFewObservations, RealizedVolatility.Parkinson([], [], 365).Error);
        var nonPositive = RealizedVolatility.CloseToClose([100, 0, 101], 365);
        Assert.Equal(RealizedVolError.NonPositivePrice, nonPositive.Error);
        Assert.Equal(1, nonPositive.Index);
        Assert.Contains("index 1", nonPositive.Message);
        Assert.Equal(RealizedVolError.NotFinite, RealizedVolatility.Ewma([100, double.NaN, 101], 365).Error);
        Assert.Equal(RealizedVolError.InvalidPeriodsPerYear, RealizedVolatility.CloseToClose(Closes, 0).Error);
        Assert.Equal(RealizedVolError.InvalidDecay, RealizedVolatility.Ewma(Closes, 365, 1.0).Error);
        Assert.Equal(RealizedVolError.LengthMismatch, RealizedVolatility.Parkinson(Highs, [100], 365).Error);
        Assert.Equal(RealizedVolError.LengthMismatch, RealizedVolatility.GarmanKlass(Opens, Highs, Lows, [100], 365).Error);
        Assert.Equal(RealizedVolError.InconsistentBar, RealizedVolatility.Parkinson([99], [100], 365).Error);
        var bar = RealizedVolatility.GarmanKlass([102, 104], [110, 103], [100, 98], [108, 100], 365);
        Assert.Equal(RealizedVolError.InconsistentBar, bar.Error);
        Assert.Equal(1, bar.Index);
        Assert.Equal(0, bar.Vol);
    }

    // Box-Muller transform of two uniforms (G. E. P. Box, M. E. Muller, Ann. Math. Stat. 29(2), 1958).
    private static double StandardNormal(Random random)
    {
        double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
