using Ballast.Simulation.Randomness;

namespace Ballast.Simulation.Data;

/// <summary>Turns real candles (oldest first) into spot paths for the simulation.</summary>
public static class CandleReplay
{
    /// <summary>Spot path of the first open followed by every close: length = candles + 1.</summary>
    public static double[] ClosePath(IReadOnlyList<Candle> candles)
    {
        if (candles.Count == 0) return [];
        var path = new double[candles.Count + 1];
        path[0] = candles[0].Open;
        for (int i = 0; i < candles.Count; i++) path[i + 1] = candles[i].Close;
        return path;
    }

    /// <summary>
    /// An intrabar path with <paramref name="stepsPerBar"/> steps per candle: in each bar a Brownian bridge in log price
    /// from the previous point (the first bar's open, then each close) to the bar's close, with the bar's variance
    /// estimated from its range by Parkinson (1980), σ² ≈ (ln(H/L))²/(4 ln 2), and each point clamped to [low, high].
    /// Bridge step: x_{j+1} = x_j + (x_end − x_j)/(n − j) + √(σ²/n · (n − j − 1)/(n − j))·Z (Glasserman 2003, §3.1).
    /// Every bar still ends exactly at its close. Length = candles × stepsPerBar + 1.
    /// </summary>
    public static double[] IntrabarPath(IReadOnlyList<Candle> candles, int stepsPerBar, Xoshiro256StarStar rng)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stepsPerBar, 1);
        if (candles.Count == 0) return [];
        var path = new double[candles.Count * stepsPerBar + 1];
        path[0] = candles[0].Open;
        double x = Math.Log(candles[0].Open);
        int index = 1;
        foreach (var bar in candles)
        {
            double end = Math.Log(bar.Close), logLow = Math.Log(bar.Low), logHigh = Math.Log(bar.High);
            double range = logHigh - logLow, stepVariance = range * range / (4.0 * Math.Log(2.0)) / stepsPerBar;
            for (int j = 0; j < stepsPerBar - 1; j++)
            {
                int remaining = stepsPerBar - j;
                x += (end - x) / remaining + Math.Sqrt(stepVariance * (remaining - 1) / remaining) * rng.NextGaussian();
                x = Math.Clamp(x, logLow, logHigh);
                // exp(ln L) can land an ulp outside [L, H]; clamp the price too so the range invariant is exact.
                path[index++] = Math.Clamp(Math.Exp(x), bar.Low, bar.High);
            }

            x = end;
            path[index++] = bar.Close;
        }

        return path;
    }
}
