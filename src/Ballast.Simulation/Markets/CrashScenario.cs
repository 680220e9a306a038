using Ballast.Simulation.Randomness;

namespace Ballast.Simulation.Markets;

/// <summary>
/// A stress scenario: GBM at <see cref="CalmVolatility"/> until <see cref="CrashStartYears"/>, then a deterministic fall
/// of <see cref="CrashReturn"/> (e.g. −0.30) spread evenly in log terms over <see cref="CrashDurationYears"/> (e.g. one
/// day, 1/365), on top of the noise; from the crash on, volatility jumps to
/// <see cref="StressVolatilityMultiplier"/> × calm and decays back exponentially with half-life
/// <see cref="StressHalfLifeYears"/>: σ(t) = σ·(1 + (m − 1)·2^(−(t − t_c)/h)). Ballast's own construction, in the spirit
/// of historical crypto crashes (e.g. BTC on 2020-03-12, about −40% in a day with realised vol above 150%).
/// </summary>
/// <param name="InitialSpot">S(0), price units, &gt; 0.</param>
/// <param name="CalmVolatility">σ before the crash, per √year, ≥ 0.</param>
/// <param name="CrashStartYears">When the fall begins, years from the start, ≥ 0.</param>
/// <param name="CrashDurationYears">How long the fall lasts, years, &gt; 0.</param>
/// <param name="CrashReturn">Total deterministic return of the fall, in (−1, 0].</param>
/// <param name="StressVolatilityMultiplier">m ≥ 1: vol multiple at the start of the crash.</param>
/// <param name="StressHalfLifeYears">h &gt; 0: half-life of the vol spike, years.</param>
public sealed record CrashScenario(double InitialSpot, double CalmVolatility, double CrashStartYears,
    double CrashDurationYears = 1.0 / 365, double CrashReturn = -0.30, double StressVolatilityMultiplier = 3.0,
    double StressHalfLifeYears = 7.0 / 365) : IPriceModel
{
    /// <inheritdoc />
    public MarketModelError Validate(out string message) => ModelChecks.Run(out message,
        [("spot", InitialSpot), ("calm volatility", CalmVolatility), ("crash start", CrashStartYears),
         ("crash duration", CrashDurationYears), ("crash return", CrashReturn),
         ("stress multiplier", StressVolatilityMultiplier), ("stress half-life", StressHalfLifeYears)],
        (InitialSpot <= 0, MarketModelError.NonPositiveSpot, $"spot must be > 0, got {InitialSpot}"),
        (CalmVolatility < 0, MarketModelError.NegativeVolatility, $"calm volatility must be >= 0, got {CalmVolatility}"),
        (CrashStartYears < 0 || CrashDurationYears <= 0, MarketModelError.InvalidScenario, "crash start must be >= 0 and duration > 0"),
        (CrashReturn is <= -1 or > 0, MarketModelError.InvalidScenario, $"crash return must be in (-1, 0], got {CrashReturn}"),
        (StressVolatilityMultiplier < 1 || StressHalfLifeYears <= 0, MarketModelError.InvalidScenario, "stress multiplier must be >= 1 and half-life > 0"));

    /// <summary>Volatility per √year in force at time <paramref name="years"/>.</summary>
    public double VolatilityAt(double years) => years < CrashStartYears
        ? CalmVolatility
        : CalmVolatility * (1.0 + (StressVolatilityMultiplier - 1.0) * Math.Pow(2.0, -(years - CrashStartYears) / StressHalfLifeYears));

    /// <inheritdoc />
    public void Simulate(Xoshiro256StarStar rng, double stepYears, Span<double> spots)
    {
        if (spots.IsEmpty) return;
        double crashLogRate = Math.Log(1.0 + CrashReturn) / CrashDurationYears, crashEnd = CrashStartYears + CrashDurationYears;
        double logSpot = Math.Log(InitialSpot);
        spots[0] = InitialSpot;
        for (int i = 1; i < spots.Length; i++)
        {
            double start = (i - 1) * stepYears, end = i * stepYears;
            double sigma = VolatilityAt(start);
            // The share of this step that overlaps the crash window carries that share of the fall.
            double overlap = Math.Max(0.0, Math.Min(end, crashEnd) - Math.Max(start, CrashStartYears));
            logSpot += crashLogRate * overlap - 0.5 * sigma * sigma * stepYears + sigma * Math.Sqrt(stepYears) * rng.NextGaussian();
            spots[i] = Math.Exp(logSpot);
        }
    }
}
