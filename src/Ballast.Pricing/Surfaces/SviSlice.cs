namespace Ballast.Pricing.Surfaces;

/// <summary>Why a set of raw SVI parameters is not an acceptable smile.</summary>
public enum SviParameterError
{
    /// <summary>The parameters are valid.</summary>
    None = 0,

    /// <summary>A parameter is NaN or infinite.</summary>
    NotFinite,

    /// <summary>The slope b is negative.</summary>
    NegativeSlope,

    /// <summary>The rotation ρ is not strictly inside (−1, 1).</summary>
    CorrelationOutOfRange,

    /// <summary>The smoothing σ is not strictly positive.</summary>
    NonPositiveSmoothing,

    /// <summary>The minimum total variance a + bσ√(1−ρ²) is negative, so w(k) &lt; 0 somewhere.</summary>
    NegativeMinimumVariance,
}

/// <summary>
/// One expiry's smile in Gatheral's raw SVI parameterisation of total implied variance
/// (J. Gatheral, "A parsimonious arbitrage-free implied volatility parameterization", Global Derivatives 2004):
/// w(k) = a + b(ρ(k − m) + √((k − m)² + σ²)), where k = ln(K/F) is log forward-moneyness and
/// w = σ_BS²·T is total implied variance (per year × years, dimensionless).
/// </summary>
/// <param name="A">Level a (total variance); vertical shift of the smile.</param>
/// <param name="B">Slope b ≥ 0 (total variance per unit k); the wings' angle.</param>
/// <param name="Rho">Rotation ρ ∈ (−1, 1); the skew.</param>
/// <param name="M">Horizontal shift m in log-moneyness.</param>
/// <param name="Sigma">Smoothing σ &gt; 0 in log-moneyness; the ATM curvature.</param>
public readonly record struct SviSlice(double A, double B, double Rho, double M, double Sigma)
{
    /// <summary>Checks the raw SVI domain (b ≥ 0, |ρ| &lt; 1, σ &gt; 0) and that w(k) ≥ 0 for every k (a + bσ√(1−ρ²) ≥ 0).</summary>
    public SviParameterError Validate()
    {
        if (!double.IsFinite(A) || !double.IsFinite(B) || !double.IsFinite(Rho) || !double.IsFinite(M) || !double.IsFinite(Sigma))
            return SviParameterError.NotFinite;
        if (B < 0) return SviParameterError.NegativeSlope;
        if (!(Math.Abs(Rho) < 1)) return SviParameterError.CorrelationOutOfRange;
        if (!(Sigma > 0)) return SviParameterError.NonPositiveSmoothing;
        if (MinimumTotalVariance < 0) return SviParameterError.NegativeMinimumVariance;
        return SviParameterError.None;
    }

    /// <summary>Minimum over k of w(k): a + bσ√(1−ρ²), attained at k = m − ρσ/√(1−ρ²) (Gatheral 2004).</summary>
    public double MinimumTotalVariance => A + B * Sigma * Math.Sqrt(1 - Rho * Rho);

    /// <summary>Total implied variance w(k) at log forward-moneyness k = ln(K/F).</summary>
    public double TotalVariance(double k)
    {
        double x = k - M;
        return A + B * (Rho * x + Math.Sqrt(x * x + Sigma * Sigma));
    }

    /// <summary>First derivative w'(k) = b(ρ + (k − m)/√((k − m)² + σ²)).</summary>
    public double FirstDerivative(double k)
    {
        double x = k - M;
        return B * (Rho + x / Math.Sqrt(x * x + Sigma * Sigma));
    }

    /// <summary>Second derivative w''(k) = bσ²/((k − m)² + σ²)^{3/2}.</summary>
    public double SecondDerivative(double k)
    {
        double x = k - M;
        double r2 = x * x + Sigma * Sigma;
        return B * Sigma * Sigma / (r2 * Math.Sqrt(r2));
    }

    /// <summary>Black implied volatility per √year at log-moneyness k for an expiry <paramref name="time"/> years away: √(w(k)/T).</summary>
    /// <param name="k">Log forward-moneyness ln(K/F).</param>
    /// <param name="time">Time to expiry T &gt; 0 in years.</param>
    public double ImpliedVol(double k, double time) => Math.Sqrt(Math.Max(TotalVariance(k), 0) / time);

    /// <summary>
    /// Gatheral-Jacquier butterfly function g(k) = (1 − k w'/(2w))² − (w'²/4)(1/w + 1/4) + w''/2
    /// (J. Gatheral, A. Jacquier, "Arbitrage-free SVI volatility surfaces", Quantitative Finance 14(1), 2014, eq. 2.1).
    /// The risk-neutral density is g(k)/√(2πw)·exp(−d₋²/2), so the slice is free of butterfly arbitrage iff g ≥ 0 (and w &gt; 0).
    /// Returns −∞ where w(k) ≤ 0 (no density exists there).
    /// </summary>
    /// <param name="k">Log forward-moneyness ln(K/F).</param>
    public double ButterflyDensity(double k)
    {
        double w = TotalVariance(k);
        if (!(w > 0)) return double.NegativeInfinity;
        double w1 = FirstDerivative(k), w2 = SecondDerivative(k);
        double t = 1 - k * w1 / (2 * w);
        return t * t - w1 * w1 / 4 * (1 / w + 0.25) + w2 / 2;
    }

    /// <summary>
    /// Smallest g(k) on an evenly spaced grid of <paramref name="points"/> log-moneyness values in [<paramref name="kMin"/>, <paramref name="kMax"/>],
    /// with the k where it occurs. The slice passes the butterfly check on that grid when the minimum is ≥ 0.
    /// </summary>
    /// <param name="kMin">Lowest log-moneyness of the grid.</param>
    /// <param name="kMax">Highest log-moneyness of the grid (&gt; kMin).</param>
    /// <param name="points">Number of grid points (≥ 2).</param>
    public ButterflyCheck CheckButterfly(double kMin = -3, double kMax = 3, int points = 601)
    {
        if (points < 2) throw new ArgumentOutOfRangeException(nameof(points), "a grid needs at least two points");
        double worst = double.PositiveInfinity, worstK = kMin;
        for (int i = 0; i < points; i++)
        {
            double k = kMin + (kMax - kMin) * i / (points - 1);
            double g = ButterflyDensity(k);
            if (g < worst) { worst = g; worstK = k; }
        }

        return new ButterflyCheck(worst, worstK);
    }
}
