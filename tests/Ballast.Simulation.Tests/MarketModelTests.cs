using Ballast.Simulation.Markets;
using Ballast.Simulation.Randomness;
using Ballast.Simulation.Runner;

namespace Ballast.Simulation.Tests;

public class MarketModelTests
{
    /// <summary>Runs <paramref name="paths"/> paths and returns each path's final value of the chosen output.</summary>
    private static double[] Finals(int paths, ulong seed, int steps, Func<Xoshiro256StarStar, double[], double> simulate)
    {
        var finals = new double[paths];
        MonteCarlo.ForEachPath(paths, seed, null, (i, rng) => finals[i] = simulate(rng, new double[steps + 1]));
        return finals;
    }

    [Fact]
    public void Gbm_log_returns_have_the_textbook_mean_and_variance()
    {
        // ln(S_T/S_0) ~ N((μ − σ²/2)T, σ²T); μ = 0.05, σ = 0.8, T = 1 → mean −0.27, variance 0.64.
        var gbm = new GeometricBrownianMotion(100, 0.05, 0.8);
        var logReturns = Finals(20_000, 5, 12, (rng, path) => { gbm.Simulate(rng, 1.0 / 12, path); return Math.Log(path[^1] / 100); });
        var stats = SampleStatistics.Of(logReturns);

        // 4 standard errors: mean 4·0.8/√20000 = 0.0226; variance 4·0.64·√(2/20000) = 0.0256.
        Assert.InRange(stats.Mean, -0.27 - 0.0226, -0.27 + 0.0226);
        Assert.InRange(stats.StandardDeviation * stats.StandardDeviation, 0.64 - 0.0256, 0.64 + 0.0256);
    }

    [Fact]
    public void Heston_variance_never_goes_negative_even_when_the_Feller_condition_fails()
    {
        // 2κθ = 2·1.5·0.04 = 0.12 < ξ² = 1: the raw Euler variance would hit zero and cross it often.
        var heston = new HestonModel(100, 0.0, 0.04, 1.5, 0.04, 1.0, -0.7);
        int zeroHits = 0;
        var finals = new double[2000];
        for (int p = 0; p < finals.Length; p++)
        {
            var rng = Xoshiro256StarStar.ForPath(9, p);
            double[] spots = new double[253], variances = new double[253];
            heston.Simulate(rng, 1.0 / 252, spots, variances);
            Assert.All(variances, v => Assert.True(v >= 0));
            zeroHits += variances.Count(v => v == 0);
            finals[p] = spots[^1];
        }

        Assert.True(zeroHits > 0, "the test should exercise the truncation");
        // The log-Euler spot step is a martingale given v⁺: E[S_T] = S_0 within 4 SE.
        var stats = SampleStatistics.Of(finals);
        Assert.InRange(stats.Mean, 100 - 4 * stats.StandardError, 100 + 4 * stats.StandardError);
    }

    [Fact]
    public void Merton_jump_counts_are_Poisson_and_the_jumps_are_compensated()
    {
        // λ = 5 jumps/year over T = 1: count per path ~ Poisson(5), mean = variance = 5.
        var merton = new MertonJumpDiffusion(100, 0.05, 0.3, 5, -0.1, 0.15);
        var counts = new double[4000];
        var finals = new double[4000];
        MonteCarlo.ForEachPath(4000, 3, null, (i, rng) =>
        {
            var path = new double[366];
            counts[i] = merton.SimulateCountingJumps(rng, 1.0 / 365, path);
            finals[i] = path[^1];
        });
        var countStats = SampleStatistics.Of(counts);

        // SE of the mean √(5/4000) = 0.035; SE of the variance √((2·25 + 5)/4000) = 0.117; 4 SE.
        Assert.InRange(countStats.Mean, 5 - 0.14, 5 + 0.14);
        double variance = countStats.StandardDeviation * countStats.StandardDeviation;
        Assert.InRange(variance, 5 - 0.47, 5 + 0.47);
        // Compensated drift: E[S_T] = S_0·e^(μT) = 105.127.
        var spot = SampleStatistics.Of(finals);
        double expected = 100 * Math.Exp(0.05);
        Assert.InRange(spot.Mean, expected - 4 * spot.StandardError, expected + 4 * spot.StandardError);
    }

    [Fact]
    public void Crash_scenario_falls_by_the_crash_return_within_the_crash_window()
    {
        // No noise (σ = 0): flat at 100 until day 10, then −30% spread over 24 hourly steps, then flat at 70.
        var crash = new CrashScenario(100, 0.0, CrashStartYears: 10.0 / 365);
        var path = new double[20 * 24 + 1];
        crash.Simulate(new Xoshiro256StarStar(1), 1.0 / (365 * 24), path);

        Assert.Equal(100.0, path[10 * 24], 9);
        Assert.True(path[10 * 24 + 12] is < 100 and > 70);
        Assert.Equal(70.0, path[11 * 24], 9);
        Assert.Equal(70.0, path[^1], 9);
    }

    [Fact]
    public void Crash_scenario_vol_spikes_at_the_crash_and_halves_its_excess_each_half_life()
    {
        var crash = new CrashScenario(100, 0.5, CrashStartYears: 0.1, StressVolatilityMultiplier: 3, StressHalfLifeYears: 0.02);

        Assert.Equal(0.5, crash.VolatilityAt(0.05), 12);
        Assert.Equal(1.5, crash.VolatilityAt(0.1), 12);   // 0.5·(1 + 2)
        Assert.Equal(1.0, crash.VolatilityAt(0.12), 12);  // 0.5·(1 + 2·½)
    }

    [Fact]
    public void Ornstein_Uhlenbeck_funding_reverts_to_its_long_run_mean_with_the_stationary_variance()
    {
        // κ = 5, θ = 0.10, σ = 0.3, x₀ = 0.5, T = 2 (exact steps): mean 0.1 + 0.4e^(−10) = 0.1000182,
        // variance σ²/(2κ)(1 − e^(−20)) = 0.009.
        var ou = new OrnsteinUhlenbeckFunding(0.5, 0.10, 5, 0.3);
        var finals = Finals(10_000, 8, 2, (rng, path) => { ou.Simulate(rng, 1.0, path); return path[^1]; });
        var stats = SampleStatistics.Of(finals);

        // 4 SE: mean 4·√0.009/100 = 0.0038; variance 4·0.009·√(2/10000) = 0.00051.
        Assert.InRange(stats.Mean, 0.1000182 - 0.0038, 0.1000182 + 0.0038);
        Assert.InRange(stats.StandardDeviation * stats.StandardDeviation, 0.009 - 0.00051, 0.009 + 0.00051);
    }

    public static TheoryData<IPriceModel, MarketModelError> BadModels => new()
    {
        { new GeometricBrownianMotion(-1, 0, 0.2), MarketModelError.NonPositiveSpot },
        { new GeometricBrownianMotion(100, 0, -0.2), MarketModelError.NegativeVolatility },
        { new GeometricBrownianMotion(100, double.NaN, 0.2), MarketModelError.NotFinite },
        { new HestonModel(100, 0, -0.04, 1, 0.04, 0.5, 0), MarketModelError.NegativeVariance },
        { new HestonModel(100, 0, 0.04, 1, 0.04, 0.5, 1.5), MarketModelError.CorrelationOutOfRange },
        { new HestonModel(100, 0, 0.04, -1, 0.04, 0.5, 0), MarketModelError.NegativeRate },
        { new MertonJumpDiffusion(100, 0, 0.2, -1, 0, 0.1), MarketModelError.NegativeRate },
        { new MertonJumpDiffusion(100, 0, 0.2, 1, 0, -0.1), MarketModelError.NegativeVolatility },
        { new CrashScenario(100, 0.5, 0.1, CrashReturn: -1.2), MarketModelError.InvalidScenario },
        { new CrashScenario(100, 0.5, 0.1, CrashDurationYears: 0), MarketModelError.InvalidScenario },
    };

    [Theory]
    [MemberData(nameof(BadModels))]
    public void Market_models_reject_bad_parameters_with_a_typed_reason(IPriceModel model, MarketModelError expected)
    {
        Assert.Equal(expected, model.Validate(out string message));
        Assert.NotEmpty(message);
    }

    [Fact]
    public void Valid_market_models_pass_validation()
    {
        IPriceModel[] models =
        [
            new GeometricBrownianMotion(100, 0.05, 0.8), new HestonModel(100, 0, 0.04, 1.5, 0.04, 1.0, -0.7),
            new MertonJumpDiffusion(100, 0.05, 0.3, 5, -0.1, 0.15), new CrashScenario(100, 0.6, 0.1),
        ];
        Assert.All(models, m => Assert.Equal(MarketModelError.None, m.Validate(out _)));
    }
}
