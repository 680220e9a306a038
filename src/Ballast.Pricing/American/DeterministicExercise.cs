namespace Ballast.Pricing.American;

/// <summary>
/// American option value when the underlying path is deterministic (σ√T = 0): the holder picks the best
/// exercise time on a known path, so no approximation is needed.
/// </summary>
internal static class DeterministicExercise
{
    /// <summary>Value max over t ∈ [0, T] of the discounted payoff ±(S e^(−qt) − K e^(−rt)), floored at zero.</summary>
    /// <remarks>
    /// With σ = 0 the forward path is S e^((r−q)t), so exercising at t is worth ±(S e^(−qt) − K e^(−rt)) today.
    /// Its derivative ±(−qS e^(−qt) + rK e^(−rt)) vanishes at most once, at t* = ln(qS/(rK))/(q − r), so the
    /// maximum is at t = 0, t = T, or t* when t* lies inside (0, T).
    /// </remarks>
    public static double Value(OptionType type, double spot, double strike, double rate, double dividendYield, double time)
    {
        double sign = type == OptionType.Call ? 1.0 : -1.0;
        double best = Math.Max(0.0, sign * (spot - strike));
        if (!(time > 0)) return best;
        best = Math.Max(best, Payoff(sign, spot, strike, rate, dividendYield, time));
        if (dividendYield != rate && dividendYield * rate > 0)
        {
            double ratio = dividendYield * spot / (rate * strike);
            if (ratio > 0)
            {
                double tStar = Math.Log(ratio) / (dividendYield - rate);
                if (tStar > 0 && tStar < time) best = Math.Max(best, Payoff(sign, spot, strike, rate, dividendYield, tStar));
            }
        }

        return best;
    }

    private static double Payoff(double sign, double spot, double strike, double rate, double dividendYield, double t)
        => sign * (spot * Math.Exp(-dividendYield * t) - strike * Math.Exp(-rate * t));
}
