using Ballast.Pricing.Surfaces;
using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace Ballast.Pricing.Tests;

public class SviTests(ITestOutputHelper output)
{
    private static readonly SviSlice Example = new(A: 0.04, B: 0.4, Rho: -0.4, M: 0.1, Sigma: 0.2);

    // Axel Vogt's raw SVI slice with butterfly arbitrage (Gatheral & Jacquier 2014, §2.2, T = 1).
    private static readonly SviSlice Vogt = new(A: -0.0410, B: 0.1331, Rho: 0.3060, M: 0.3586, Sigma: 0.4153);

    [Fact]
    public void Total_variance_and_its_derivatives_match_hand_computed_values()
    {
        // mpmath, 30 digits: x = k − m = 0.2, √(x² + σ²) = √0.08.
        Assert.Equal(0.121137084989847603904, Example.TotalVariance(0.3), 15);
        Assert.Equal(0.122842712474619009760, Example.FirstDerivative(0.3), 15);
        Assert.Equal(0.707106781186547524401, Example.SecondDerivative(0.3), 14);
        Assert.Equal(1.04038118014120928262, Example.ButterflyDensity(0.3), 14);
    }

    [Fact]
    public void Minimum_total_variance_is_attained_at_the_vertex_formula()
    {
        double rho = Example.Rho, s = Example.Sigma;
        double kStar = Example.M - rho * s / Math.Sqrt(1 - rho * rho);
        Assert.Equal(Example.MinimumTotalVariance, Example.TotalVariance(kStar), 15);
        Assert.Equal(0, Example.FirstDerivative(kStar), 14);
    }

    [Fact]
    public void Derivatives_agree_with_central_finite_differences()
    {
        Prop.ForAll(
            Gen.Choose(-2000, 2000).Select(i => i / 1000.0).ToArbitrary(),
            Gen.Choose(1, 999).Select(i => i / 1000.0 * 1.9 - 0.95).ToArbitrary(),
            Gen.Choose(50, 1000).Select(i => i / 1000.0).ToArbitrary(),
            (k, rho, sigma) =>
            {
                var s = new SviSlice(0.02, 0.3, rho, 0.05, sigma);
                // σ ≥ 0.05 and h = 1e-5 keep the truncation error h²·w''''/6 below 1e-7 (w'''' ~ b/σ³).
                const double h = 1e-5;
                double d1 = (s.TotalVariance(k + h) - s.TotalVariance(k - h)) / (2 * h);
                double d2 = (s.FirstDerivative(k + h) - s.FirstDerivative(k - h)) / (2 * h);
                return Math.Abs(d1 - s.FirstDerivative(k)) <= 1e-7 * (1 + Math.Abs(d1))
                    && Math.Abs(d2 - s.SecondDerivative(k)) <= 1e-6 * (1 + Math.Abs(d2));
            }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData(0.04, -0.1, 0.0, 0.0, 0.1, SviParameterError.NegativeSlope)]
    [InlineData(0.04, 0.1, 1.0, 0.0, 0.1, SviParameterError.CorrelationOutOfRange)]
    [InlineData(0.04, 0.1, -1.2, 0.0, 0.1, SviParameterError.CorrelationOutOfRange)]
    [InlineData(0.04, 0.1, 0.0, 0.0, 0.0, SviParameterError.NonPositiveSmoothing)]
    [InlineData(-0.1, 0.1, 0.0, 0.0, 0.1, SviParameterError.NegativeMinimumVariance)]
    [InlineData(double.NaN, 0.1, 0.0, 0.0, 0.1, SviParameterError.NotFinite)]
    [InlineData(-0.005, 0.1, 0.0, 0.0, 0.1, SviParameterError.None)]
    public void Parameter_validation_names_the_broken_condition(double a, double b, double rho, double m, double sigma, SviParameterError expected)
        => Assert.Equal(expected, new SviSlice(a, b, rho, m, sigma).Validate());

    [Fact]
    public void Vogts_slice_has_butterfly_arbitrage_near_k_0_88()
    {
        var check = Vogt.CheckButterfly(-1.5, 1.5, 3001);
        Assert.False(check.IsArbitrageFree);
        // mpmath on the same 0.001 grid: min g = −0.0328635 at k = 0.879.
        Assert.Equal(-0.0328635438643255, check.MinimumDensity, 12);
        Assert.Equal(0.879, check.AtLogMoneyness, 9);
    }

    [Fact]
    public void A_gentle_smile_is_free_of_butterfly_arbitrage()
        => Assert.True(Example.CheckButterfly().IsArbitrageFree);

    [Theory]
    [InlineData(0.5, 0.04, 0.4, -0.4, 0.1, 0.2)]
    [InlineData(0.05, 0.002, 0.05, 0.3, 0.02, 0.05)]
    [InlineData(2.0, 0.1, 0.3, -0.7, -0.1, 0.4)]
    public void Fit_recovers_known_parameters_from_exact_svi_vols(double time, double a, double b, double rho, double m, double sigma)
    {
        var truth = new SviSlice(a, b, rho, m, sigma);
        double[] k = Enumerable.Range(0, 31).Select(i => -0.6 + 1.2 * i / 30).ToArray();
        double[] vols = k.Select(x => truth.ImpliedVol(x, time)).ToArray();

        var fit = SviFitter.Fit(k, vols, time);

        output.WriteLine($"truth {truth}\nfit   {fit.Slice}\nrmse {fit.RmseVol:G3}");
        Assert.Equal(SviFitError.None, fit.Error);
        Assert.True(fit.RmseVol < 1e-6, $"RMSE {fit.RmseVol}");
        Assert.Equal(a, fit.Slice.A, 3e-4 * Math.Max(1, Math.Abs(a) * 10));
        Assert.Equal(b, fit.Slice.B, 1e-3);
        Assert.Equal(rho, fit.Slice.Rho, 1e-3);
        Assert.Equal(m, fit.Slice.M, 1e-3);
        Assert.Equal(sigma, fit.Slice.Sigma, 1e-3);
    }

    [Fact]
    public void Fitting_vols_of_an_arbitrageable_slice_returns_an_arbitrage_free_slice()
    {
        double[] k = Enumerable.Range(0, 41).Select(i => -1.0 + 2.0 * i / 40).ToArray();
        double[] vols = k.Select(x => Vogt.ImpliedVol(x, 1.0)).ToArray();

        var fit = SviFitter.Fit(k, vols, 1.0);

        output.WriteLine($"fit {fit.Slice} rmse {fit.RmseVol:G3} g {fit.Butterfly}");
        Assert.Equal(SviFitError.None, fit.Error);
        Assert.True(fit.Slice.CheckButterfly(-3, 3, 6001).IsArbitrageFree);
        // The arbitrage-free fit must bend away from Vogt's vols, but only a little (< 1 vol point RMSE).
        Assert.InRange(fit.RmseVol, 1e-5, 0.01);
    }

    [Fact]
    public void Every_successful_fit_of_a_random_smile_is_butterfly_free_and_finite()
    {
        // Smiles σ(k) = level + skew·k + curvature·k² on k ∈ [−0.4, 0.4], clipped at 5%, for expiries from 2 days to 2 years.
        var smiles = from level in Gen.Choose(20, 150)
                     from skew in Gen.Choose(-60, 60)
                     from curvature in Gen.Choose(0, 300)
                     from days in Gen.Choose(2, 730)
                     select (Level: level / 100.0, Skew: skew / 100.0, Curvature: curvature / 100.0, Time: days / 365.0);
        Prop.ForAll(smiles.ToArbitrary(), s =>
        {
            double[] k = Enumerable.Range(0, 17).Select(i => -0.4 + 0.05 * i).ToArray();
            double[] vols = k.Select(x => Math.Max(0.05, s.Level + s.Skew * x + s.Curvature * x * x)).ToArray();
            var fit = SviFitter.Fit(k, vols, s.Time);
            var p = fit.Slice;
            bool finite = double.IsFinite(p.A + p.B + p.Rho + p.M + p.Sigma + fit.RmseVol + fit.MaxErrorVol);
            return finite && (fit.Error == SviFitError.ButterflyArbitrage
                || (fit.Error == SviFitError.None && p.Validate() == SviParameterError.None && p.CheckButterfly(-3, 3, 3001).IsArbitrageFree));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(12).WithReplay(20260521, 1));
    }

    [Fact]
    public void Fit_rejects_bad_input_with_a_typed_error()
    {
        double[] k = [-0.2, -0.1, 0, 0.1, 0.2];
        double[] v = [0.5, 0.45, 0.4, 0.42, 0.47];
        Assert.Equal(SviFitError.TooFewQuotes, SviFitter.Fit(k[..4], v[..4], 0.5).Error);
        Assert.Equal(SviFitError.LengthMismatch, SviFitter.Fit(k, v[..4], 0.5).Error);
        Assert.Equal(SviFitError.NonPositiveTime, SviFitter.Fit(k, v, 0).Error);
        Assert.Equal(SviFitError.NotFinite, SviFitter.Fit(k, [0.5, double.NaN, 0.4, 0.42, 0.47], 0.5).Error);
        Assert.Equal(SviFitError.InvalidQuote, SviFitter.Fit(k, [0.5, 0, 0.4, 0.42, 0.47], 0.5).Error);
        Assert.Equal(SviFitError.InvalidQuote, SviFitter.Fit(k, v, [0, 0, 0, 0, 0], 0.5).Error);
    }

    [Fact]
    public void Svi_fit_of_the_real_deribit_chain_is_within_the_half_spread_and_butterfly_free()
    {
        if (SharedDataForSurfaces.DeribitChainFits is not { } real)
        {
            output.WriteLine($"SKIPPED: ../shared/{SharedDataForSurfaces.DeribitChain} is absent");
            return;
        }

        var (chain, fits) = real;
        Assert.Equal(12, chain.Expiries.Count);
        Assert.Equal(387, chain.Expiries.Sum(e => e.Quotes.Count));
        Assert.Equal(0, chain.Skipped.Total);

        foreach (var (expiry, fit) in chain.Expiries.Zip(fits))
        {
            double halfSpread = expiry.MedianHalfSpreadVol;
            output.WriteLine($"{expiry.Expiry:yyyy-MM-dd} n={fit.QuoteCount} rmse={100 * fit.RmseVol:F3} vp max={100 * fit.MaxErrorVol:F3} vp half-spread={100 * halfSpread:F3} vp g_min={fit.Butterfly.MinimumDensity:G3}");
            Assert.Equal(SviFitError.None, fit.Error);
            // Bound: the median half bid-ask spread in vol of that expiry, the market's own uncertainty about the mid.
            // A fit inside it cannot be told from the market; measured worst ratio 0.88 (2026-05-29, a W-shaped smile).
            Assert.True(fit.RmseVol < halfSpread, $"{expiry.Expiry:yyyy-MM-dd}: RMSE {fit.RmseVol:G4} ≥ half-spread {halfSpread:G4}");
            Assert.True(fit.Slice.CheckButterfly(-3, 3, 6001).IsArbitrageFree, $"{expiry.Expiry:yyyy-MM-dd}: butterfly arbitrage");
            Assert.True(SviFitter.CheckButterfly(fit.Slice).IsArbitrageFree);
        }
    }
}
