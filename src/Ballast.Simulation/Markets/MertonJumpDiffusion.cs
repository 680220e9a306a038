using Ballast.Simulation.Randomness;

namespace Ballast.Simulation.Markets;

/// <summary>
/// Merton (1976) jump-diffusion, "Option pricing when underlying stock returns are discontinuous", J. Financial
/// Economics 3: GBM plus Poisson(λ) jumps with lognormal sizes ln(1 + J) ~ N(m, s²). Per step Δ (exact in logs):
/// ln S += (μ − σ²/2 − λκ̄)Δ + σ√Δ·Z + N·m + s√N·Z′, N ~ Poisson(λΔ), κ̄ = e^(m + s²/2) − 1, so E[S(t)] = S(0)e^(μt).
/// </summary>
/// <param name="InitialSpot">S(0), price units, &gt; 0.</param>
/// <param name="Drift">μ per year (total expected return, jumps compensated).</param>
/// <param name="Volatility">Diffusive σ per √year, ≥ 0.</param>
/// <param name="JumpIntensity">λ, jumps per year, ≥ 0.</param>
/// <param name="JumpLogMean">m, mean of the log jump size.</param>
/// <param name="JumpLogStdDev">s, standard deviation of the log jump size, ≥ 0.</param>
public sealed record MertonJumpDiffusion(double InitialSpot, double Drift, double Volatility, double JumpIntensity,
    double JumpLogMean, double JumpLogStdDev) : IPriceModel
{
    /// <inheritdoc />
    public MarketModelError Validate(out string message) => ModelChecks.Run(out message,
        [("spot", InitialSpot), ("drift", Drift), ("volatility", Volatility), ("jump intensity", JumpIntensity),
         ("jump log mean", JumpLogMean), ("jump log std", JumpLogStdDev)],
        (InitialSpot <= 0, MarketModelError.NonPositiveSpot, $"spot must be > 0, got {InitialSpot}"),
        (Volatility < 0 || JumpLogStdDev < 0, MarketModelError.NegativeVolatility, $"volatility and jump log std must be >= 0, got {Volatility} and {JumpLogStdDev}"),
        (JumpIntensity < 0, MarketModelError.NegativeRate, $"jump intensity must be >= 0, got {JumpIntensity}"));

    /// <inheritdoc />
    public void Simulate(Xoshiro256StarStar rng, double stepYears, Span<double> spots) => SimulateCountingJumps(rng, stepYears, spots);

    /// <summary>Fills the path and returns how many jumps it contains.</summary>
    public int SimulateCountingJumps(Xoshiro256StarStar rng, double stepYears, Span<double> spots)
    {
        if (spots.IsEmpty) return 0;
        double compensator = JumpIntensity * (Math.Exp(JumpLogMean + 0.5 * JumpLogStdDev * JumpLogStdDev) - 1.0);
        double logDrift = (Drift - 0.5 * Volatility * Volatility - compensator) * stepYears;
        double diffusion = Volatility * Math.Sqrt(stepYears), jumpsPerStep = JumpIntensity * stepYears;
        double logSpot = Math.Log(InitialSpot);
        int totalJumps = 0;
        spots[0] = InitialSpot;
        for (int i = 1; i < spots.Length; i++)
        {
            logSpot += logDrift + diffusion * rng.NextGaussian();
            int jumps = rng.NextPoisson(jumpsPerStep);
            if (jumps > 0)
            {
                logSpot += jumps * JumpLogMean + JumpLogStdDev * Math.Sqrt(jumps) * rng.NextGaussian();
                totalJumps += jumps;
            }

            spots[i] = Math.Exp(logSpot);
        }

        return totalJumps;
    }
}
