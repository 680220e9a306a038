using Ballast.Simulation.Randomness;

namespace Ballast.Simulation.Markets;

/// <summary>
/// Heston (1993) stochastic volatility: dS = μS dt + √v S dW₁, dv = κ(θ − v)dt + ξ√v dW₂, d⟨W₁,W₂⟩ = ρ dt.
/// Discretised by the full-truncation Euler scheme of Lord, Koekkoek &amp; van Dijk (2010), "A comparison of biased
/// simulation schemes for stochastic volatility models", Quantitative Finance 10(2): v⁺ = max(v, 0) is used in the
/// drift and diffusion of both equations, the spot is stepped in logs. The raw v may dip below zero between steps
/// (that is the scheme); the variance this model reports is always v⁺ ≥ 0.
/// </summary>
/// <param name="InitialSpot">S(0), price units, &gt; 0.</param>
/// <param name="Drift">μ per year.</param>
/// <param name="InitialVariance">v(0), per year, ≥ 0.</param>
/// <param name="MeanReversion">κ per year, ≥ 0.</param>
/// <param name="LongRunVariance">θ per year, ≥ 0.</param>
/// <param name="VolOfVol">ξ per √year, ≥ 0.</param>
/// <param name="Correlation">ρ in [−1, 1].</param>
public sealed record HestonModel(double InitialSpot, double Drift, double InitialVariance, double MeanReversion,
    double LongRunVariance, double VolOfVol, double Correlation) : IPriceModel
{
    /// <inheritdoc />
    public MarketModelError Validate(out string message) => ModelChecks.Run(out message,
        [("spot", InitialSpot), ("drift", Drift), ("v0", InitialVariance), ("kappa", MeanReversion),
         ("theta", LongRunVariance), ("xi", VolOfVol), ("rho", Correlation)],
        (InitialSpot <= 0, MarketModelError.NonPositiveSpot, $"spot must be > 0, got {InitialSpot}"),
        (InitialVariance < 0 || LongRunVariance < 0, MarketModelError.NegativeVariance, $"v0 and theta must be >= 0, got {InitialVariance} and {LongRunVariance}"),
        (MeanReversion < 0, MarketModelError.NegativeRate, $"kappa must be >= 0, got {MeanReversion}"),
        (VolOfVol < 0, MarketModelError.NegativeVolatility, $"xi must be >= 0, got {VolOfVol}"),
        (Correlation is < -1 or > 1, MarketModelError.CorrelationOutOfRange, $"rho must be in [-1, 1], got {Correlation}"));

    /// <inheritdoc />
    public void Simulate(Xoshiro256StarStar rng, double stepYears, Span<double> spots)
        => Simulate(rng, stepYears, spots, spots.Length <= 256 ? stackalloc double[spots.Length] : new double[spots.Length]);

    /// <summary>Fills the spot path and the variance path v⁺ (per year, ≥ 0) of the same length.</summary>
    public void Simulate(Xoshiro256StarStar rng, double stepYears, Span<double> spots, Span<double> variances)
    {
        if (variances.Length != spots.Length) throw new ArgumentException("variances must have the same length as spots", nameof(variances));
        if (spots.IsEmpty) return;
        double sqrtStep = Math.Sqrt(stepYears), orthogonal = Math.Sqrt(1.0 - Correlation * Correlation);
        double logSpot = Math.Log(InitialSpot), variance = InitialVariance;
        spots[0] = InitialSpot;
        variances[0] = Math.Max(variance, 0.0);
        for (int i = 1; i < spots.Length; i++)
        {
            double zVariance = rng.NextGaussian();
            double zSpot = Correlation * zVariance + orthogonal * rng.NextGaussian();
            double positive = Math.Max(variance, 0.0), volatility = Math.Sqrt(positive);
            logSpot += (Drift - 0.5 * positive) * stepYears + volatility * sqrtStep * zSpot;
            variance += MeanReversion * (LongRunVariance - positive) * stepYears + VolOfVol * volatility * sqrtStep * zVariance;
            spots[i] = Math.Exp(logSpot);
            variances[i] = Math.Max(variance, 0.0);
        }
    }
}
