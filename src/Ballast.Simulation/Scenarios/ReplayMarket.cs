using Ballast.Simulation.Markets;
using Ballast.Simulation.Randomness;

namespace Ballast.Simulation.Scenarios;

/// <summary>
/// A replay of a recorded spot path (e.g. <see cref="Data.CandleReplay.ClosePath"/>). The vol oracle reports the
/// trailing realised volatility of the last <paramref name="VolWindowSteps"/> log returns, √(Σr²/(n·Δt)) — only past
/// data, as a live oracle would — and <paramref name="InitialVolatility"/> until the window has one return.
/// </summary>
/// <param name="Spots">Recorded spots, quote units, all &gt; 0; the scenario has Spots.Length − 1 steps.</param>
/// <param name="VolWindowSteps">Trailing window, steps, ≥ 1.</param>
/// <param name="InitialVolatility">Oracle vol before any return is seen, per √year.</param>
public sealed record ReplayMarket(double[] Spots, int VolWindowSteps, double InitialVolatility) : IScenarioMarket
{
    /// <inheritdoc />
    public MarketModelError Validate(out string message)
    {
        message = "";
        if (Spots.Length < 2) { message = "the replay needs at least two spots"; return MarketModelError.InvalidScenario; }
        if (VolWindowSteps < 1) { message = $"vol window must be >= 1, got {VolWindowSteps}"; return MarketModelError.InvalidScenario; }
        if (!double.IsFinite(InitialVolatility) || InitialVolatility < 0) { message = $"volatility must be >= 0, got {InitialVolatility}"; return MarketModelError.NegativeVolatility; }
        foreach (double s in Spots)
        {
            if (!double.IsFinite(s) || s <= 0) { message = $"spot must be > 0, got {s}"; return MarketModelError.NonPositiveSpot; }
        }

        return MarketModelError.None;
    }

    /// <inheritdoc />
    public void Generate(Xoshiro256StarStar rng, double stepYears, Span<double> spots, Span<double> vols)
    {
        Spots.AsSpan(0, spots.Length).CopyTo(spots);
        double sumSquares = 0;
        for (int i = 0; i < spots.Length; i++)
        {
            if (i > 0)
            {
                double r = Math.Log(spots[i] / spots[i - 1]);
                sumSquares += r * r;
                if (i > VolWindowSteps)
                {
                    double old = Math.Log(spots[i - VolWindowSteps] / spots[i - VolWindowSteps - 1]);
                    sumSquares -= old * old;
                }
            }

            int n = Math.Min(i, VolWindowSteps);
            vols[i] = n == 0 ? InitialVolatility : Math.Sqrt(Math.Max(sumSquares, 0.0) / (n * stepYears));
        }
    }
}
