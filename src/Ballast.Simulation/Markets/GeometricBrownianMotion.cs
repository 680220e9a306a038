using Ballast.Simulation.Randomness;

namespace Ballast.Simulation.Markets;

/// <summary>
/// Geometric Brownian motion dS = μS dt + σS dW, stepped exactly in logs:
/// ln S(t+Δ) = ln S(t) + (μ − σ²/2)Δ + σ√Δ·Z (Glasserman 2003, "Monte Carlo Methods in Financial Engineering", §3.2.1),
/// so there is no discretisation bias at any step size.
/// </summary>
/// <param name="InitialSpot">S(0), price units, &gt; 0.</param>
/// <param name="Drift">μ per year.</param>
/// <param name="Volatility">σ per √year, ≥ 0.</param>
public sealed record GeometricBrownianMotion(double InitialSpot, double Drift, double Volatility) : IPriceModel
{
    /// <inheritdoc />
    public MarketModelError Validate(out string message) => ModelChecks.Run(out message,
        [("spot", InitialSpot), ("drift", Drift), ("volatility", Volatility)],
        (InitialSpot <= 0, MarketModelError.NonPositiveSpot, $"spot must be > 0, got {InitialSpot}"),
        (Volatility < 0, MarketModelError.NegativeVolatility, $"volatility must be >= 0, got {Volatility}"));

    /// <inheritdoc />
    public void Simulate(Xoshiro256StarStar rng, double stepYears, Span<double> spots)
    {
        if (spots.IsEmpty) return;
        double logDrift = (Drift - 0.5 * Volatility * Volatility) * stepYears;
        double diffusion = Volatility * Math.Sqrt(stepYears);
        double logSpot = Math.Log(InitialSpot);
        spots[0] = InitialSpot;
        for (int i = 1; i < spots.Length; i++)
        {
            logSpot += logDrift + diffusion * rng.NextGaussian();
            spots[i] = Math.Exp(logSpot);
        }
    }
}
