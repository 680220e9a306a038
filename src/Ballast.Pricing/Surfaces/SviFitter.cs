namespace Ballast.Pricing.Surfaces;

/// <summary>
/// Least-squares fit of one raw SVI slice (<see cref="SviSlice"/>) to one expiry's implied volatilities.
/// </summary>
/// <remarks>
/// <para><b>Objective: implied volatility, not price.</b> We minimise Σ uᵢ(σ_SVI(kᵢ) − σᵢ)², with quote weights uᵢ
/// (1 by default). The fit error we report and the quantity the vault quotes from (a per-strike vol) are both in vol,
/// so the objective matches the metric; vega weighting (price space) would let the low-vega wings drift, and the
/// wings are exactly where a market maker's skew matters.</para>
/// <para><b>Stage 1, quasi-explicit (Zeliade Systems, "Quasi-explicit calibration of Gatheral's SVI model", 2009).</b>
/// With y = (k − m)/σ the raw SVI total variance is w = a + d·y + c·√(y² + 1), c = bσ, d = ρbσ: linear in (a, d, c)
/// for fixed (m, σ). Since w − wᵢ ≈ 2σᵢT(σ_SVI − σᵢ), weighting the total-variance residuals by uᵢ/(2σᵢT)² turns the
/// vol objective into a linear least-squares problem, solved exactly on the polytope a + c − |d| ≥ 0 (relaxing Zeliade's a ≥ 0; still w ≥ 0), a ≤ max wᵢ, |d| ≤ c,
/// c + |d| ≤ 2σ (the last is Lee's moment bound on the wing slopes, b(1 + |ρ|) ≤ 2: R. Lee, "The moment formula for
/// implied volatility at extreme strikes", Math. Finance 14(3), 2004). Nelder-Mead then searches (m, ln σ) from
/// several starts.</para>
/// <para><b>Stage 2, polish.</b> Nelder-Mead over all five parameters on the exact vol objective, started from stage 1;
/// kept only when it is better and still arbitrage-free.</para>
/// <para><b>Butterfly arbitrage</b> is avoided by a penalty κ·Σⱼ max(0, ε − g(kⱼ))², ε = 10⁻³, on a grid (k ∈ [−3, 3] plus a fine grid
/// around the vertex m) in both stages; if the result still has g &lt; 0 on the check grid, κ is raised 100-fold and the
/// fit repeated (twice at most) before reporting <see cref="SviFitError.ButterflyArbitrage"/>.</para>
/// </remarks>
public static class SviFitter
{
    /// <summary>Wide log-moneyness range of the butterfly check: ±3 covers strikes from 5% to 2000% of the forward.</summary>
    public const double CheckRange = 3.0;

    private const int MinimumQuotes = 5;
    private const double InitialPenalty = 1e4;
    private const double PenaltyMargin = 1e-3;

    /// <summary>Fits raw SVI to implied vols with equal weights.</summary>
    /// <param name="logMoneyness">kᵢ = ln(Kᵢ/F) of each quote.</param>
    /// <param name="vols">Market implied vol σᵢ per √year of each quote (&gt; 0).</param>
    /// <param name="time">Time to expiry T &gt; 0 in years.</param>
    public static SviFitResult Fit(ReadOnlySpan<double> logMoneyness, ReadOnlySpan<double> vols, double time)
    {
        var ones = new double[logMoneyness.Length];
        Array.Fill(ones, 1.0);
        return Fit(logMoneyness, vols, ones, time);
    }

    /// <summary>Fits raw SVI to implied vols minimising Σ uᵢ(σ_SVI(kᵢ) − σᵢ)².</summary>
    /// <param name="logMoneyness">kᵢ = ln(Kᵢ/F) of each quote.</param>
    /// <param name="vols">Market implied vol σᵢ per √year of each quote (&gt; 0).</param>
    /// <param name="weights">Weight uᵢ ≥ 0 of each quote (dimensionless; relative sizes matter).</param>
    /// <param name="time">Time to expiry T &gt; 0 in years.</param>
    public static SviFitResult Fit(ReadOnlySpan<double> logMoneyness, ReadOnlySpan<double> vols, ReadOnlySpan<double> weights, double time)
    {
        int n = logMoneyness.Length;
        if (vols.Length != n || weights.Length != n) return SviFitResult.Fail(SviFitError.LengthMismatch, n);
        if (!double.IsFinite(time)) return SviFitResult.Fail(SviFitError.NotFinite, n);
        if (!(time > 0)) return SviFitResult.Fail(SviFitError.NonPositiveTime, n);
        if (n < MinimumQuotes) return SviFitResult.Fail(SviFitError.TooFewQuotes, n);
        double weightSum = 0;
        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(logMoneyness[i]) || !double.IsFinite(vols[i]) || !double.IsFinite(weights[i]))
                return SviFitResult.Fail(SviFitError.NotFinite, n);
            if (!(vols[i] > 0) || weights[i] < 0) return SviFitResult.Fail(SviFitError.InvalidQuote, n);
            weightSum += weights[i];
        }

        if (!(weightSum > 0)) return SviFitResult.Fail(SviFitError.InvalidQuote, n);

        var problem = new Problem(logMoneyness.ToArray(), vols.ToArray(), weights.ToArray(), time);
        SviSlice best = default;
        ButterflyCheck check = default;
        for (double penalty = InitialPenalty; penalty <= InitialPenalty * 1e4; penalty *= 100)
        {
            best = problem.Solve(penalty);
            check = CheckButterfly(best);
            if (check.IsArbitrageFree) break;
        }

        var (rmse, maxError) = Errors(best, logMoneyness, vols, time);
        var error = check.IsArbitrageFree ? SviFitError.None : SviFitError.ButterflyArbitrage;
        return new SviFitResult(best, error, n, rmse, maxError, check);
    }

    /// <summary>
    /// Butterfly check used for fitted slices: the minimum of g(k) on 6001 points of [−3, 3] (spacing 0.001) and on
    /// 401 points of [m − 10σ, m + 10σ], where narrow short-expiry smiles bend.
    /// </summary>
    /// <param name="slice">The slice to check.</param>
    public static ButterflyCheck CheckButterfly(SviSlice slice)
    {
        var wide = slice.CheckButterfly(-CheckRange, CheckRange, 6001);
        var near = slice.CheckButterfly(slice.M - 10 * slice.Sigma, slice.M + 10 * slice.Sigma, 401);
        return near.MinimumDensity < wide.MinimumDensity ? near : wide;
    }

    /// <summary>Unweighted RMSE and max absolute error of the slice's implied vols against market vols (vol units per √year).</summary>
    /// <param name="slice">Fitted slice.</param>
    /// <param name="logMoneyness">kᵢ of each quote.</param>
    /// <param name="vols">Market implied vols.</param>
    /// <param name="time">Time to expiry in years.</param>
    public static (double Rmse, double MaxError) Errors(SviSlice slice, ReadOnlySpan<double> logMoneyness, ReadOnlySpan<double> vols, double time)
    {
        double sum = 0, max = 0;
        for (int i = 0; i < logMoneyness.Length; i++)
        {
            double e = slice.ImpliedVol(logMoneyness[i], time) - vols[i];
            sum += e * e;
            max = Math.Max(max, Math.Abs(e));
        }

        return (Math.Sqrt(sum / logMoneyness.Length), max);
    }

    /// <summary>One expiry's data with the precomputed penalty grid.</summary>
    private sealed class Problem
    {
        private readonly double[] _k, _vol, _weight, _totalVariance, _varianceWeight;
        private readonly double _time, _kMin, _kMax, _maxTotalVariance, _typicalTotalVariance;
        private double _penalty;

        public Problem(double[] k, double[] vol, double[] weight, double time)
        {
            _k = k; _vol = vol; _weight = weight; _time = time;
            int n = k.Length;
            _totalVariance = new double[n];
            _varianceWeight = new double[n];
            _kMin = k.Min(); _kMax = k.Max();
            for (int i = 0; i < n; i++)
            {
                _totalVariance[i] = vol[i] * vol[i] * time;
                // Δw ≈ 2σT·Δσ, so uᵢ/(2σᵢT)² makes total-variance residuals approximate vol residuals.
                double scale = 2 * vol[i] * time;
                _varianceWeight[i] = weight[i] / (scale * scale);
            }

            _maxTotalVariance = _totalVariance.Max();
            _typicalTotalVariance = _totalVariance.Average();
        }

        public SviSlice Solve(double penalty)
        {
            _penalty = penalty;
            double span = Math.Max(_kMax - _kMin, 1e-3);
            int lowest = Array.IndexOf(_vol, _vol.Min());
            double[] mStarts = [_k[lowest], 0.5 * (_kMin + _kMax)];
            double[] sigmaStarts = [0.05 * span, 0.3 * span];

            SviSlice best = default;
            double bestValue = double.PositiveInfinity;
            foreach (double m0 in mStarts)
            {
                foreach (double s0 in sigmaStarts)
                {
                    var (point, value) = NelderMead.Minimize(OuterObjective, [m0, Math.Log(s0)], [0.1 * span, 0.5], 600, 1e-10);
                    if (value < bestValue && InnerSlice(point[0], Math.Exp(point[1])) is { } slice)
                    {
                        bestValue = value;
                        best = slice;
                    }
                }
            }

            return Polish(best);
        }

        // Stage 1 objective: best linear fit for this (m, ln σ) plus the butterfly penalty.
        private double OuterObjective(double[] p)
        {
            double m = p[0], sigma = Math.Exp(p[1]);
            double span = _kMax - _kMin;
            if (m < _kMin - span || m > _kMax + span || sigma < 1e-5 || sigma > 10) return double.PositiveInfinity;
            if (InnerSlice(m, sigma) is not { } slice) return double.PositiveInfinity;
            return VarianceObjective(slice) + Penalty(slice);
        }

        private double VarianceObjective(SviSlice slice)
        {
            double sum = 0;
            for (int i = 0; i < _k.Length; i++)
            {
                double r = slice.TotalVariance(_k[i]) - _totalVariance[i];
                sum += _varianceWeight[i] * r * r;
            }

            return sum;
        }

        private double VolObjective(SviSlice slice)
        {
            double sum = 0;
            for (int i = 0; i < _k.Length; i++)
            {
                double r = slice.ImpliedVol(_k[i], _time) - _vol[i];
                sum += _weight[i] * r * r;
            }

            return sum;
        }

        // κ·Σ max(0, −g)² on k ∈ [−3, 3] (121 points) and on the vertex region m ± 6σ (61 points).
        private double Penalty(SviSlice slice)
        {
            double sum = 0;
            for (int j = 0; j <= 120; j++) sum += NegativePart(slice.ButterflyDensity(-CheckRange + CheckRange * j / 60.0));
            for (int j = 0; j <= 60; j++) sum += NegativePart(slice.ButterflyDensity(slice.M + slice.Sigma * (j - 30) / 5.0));
            return _penalty * sum;

            // Penalise g below a small margin, not below 0: the optimum then sits on g ≈ margin at the grid points and
            // stays ≥ 0 between them, where the check grid is finer than this one.
            static double NegativePart(double g) => g < PenaltyMargin ? (double.IsFinite(g) ? (PenaltyMargin - g) * (PenaltyMargin - g) : 1e6) : 0;
        }

        // Stage 2: all five parameters on the exact vol objective; x = (a/W, ln(b/W), atanh ρ, m, ln σ), W a typical total variance.
        private SviSlice Polish(SviSlice start)
        {
            double w = _typicalTotalVariance;
            double[] x0 = [start.A / w, Math.Log(Math.Max(start.B, 1e-6 * w) / w), Math.Atanh(Math.Clamp(start.Rho, -0.999, 0.999)), start.M, Math.Log(start.Sigma)];
            double startValue = VolObjective(start) + Penalty(start);
            var (x, value) = NelderMead.Minimize(Objective, x0, [0.1, 0.1, 0.1, 0.1 * start.Sigma, 0.1], 1500, 1e-12);
            var polished = FromVector(x);
            bool better = value < startValue && polished.Validate() == SviParameterError.None;
            bool keepsNoArbitrage = CheckButterfly(polished).IsArbitrageFree || !CheckButterfly(start).IsArbitrageFree;
            return better && keepsNoArbitrage ? polished : start;

            SviSlice FromVector(double[] v) => new(v[0] * w, Math.Exp(v[1]) * w, Math.Tanh(v[2]), v[3], Math.Exp(v[4]));

            double Objective(double[] v)
            {
                var slice = FromVector(v);
                if (slice.Validate() != SviParameterError.None || slice.Sigma < 1e-5) return double.PositiveInfinity;
                return VolObjective(slice) + Penalty(slice);
            }
        }

        // For fixed (m, σ): minimise the weighted total-variance residual over (a, d, c) on the Zeliade polytope.
        private SviSlice? InnerSlice(double m, double sigma)
        {
            // Normal equations of Σ ωᵢ(a + d·yᵢ + c·zᵢ − wᵢ)²: objective = xᵀHx − 2gᵀx + const.
            Span<double> h = stackalloc double[9];
            Span<double> g = stackalloc double[3];
            for (int i = 0; i < _k.Length; i++)
            {
                double y = (_k[i] - m) / sigma, z = Math.Sqrt(y * y + 1), omega = _varianceWeight[i];
                double r0 = 1, r1 = y, r2 = z;
                h[0] += omega * r0 * r0; h[1] += omega * r0 * r1; h[2] += omega * r0 * r2;
                h[4] += omega * r1 * r1; h[5] += omega * r1 * r2; h[8] += omega * r2 * r2;
                g[0] += omega * r0 * _totalVariance[i]; g[1] += omega * r1 * _totalVariance[i]; g[2] += omega * r2 * _totalVariance[i];
            }

            h[3] = h[1]; h[6] = h[2]; h[7] = h[5];
            if (!BoxedLeastSquares.Solve(h, g, _maxTotalVariance, 2 * sigma, out double a, out double d, out double c)) return null;
            double b = c / sigma;
            double rho = c > 0 ? Math.Clamp(d / c, -0.999999, 0.999999) : 0;
            return new SviSlice(a, b, rho, m, sigma);
        }
    }
}
