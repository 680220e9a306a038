namespace Ballast.Pricing.American;

/// <summary>
/// Bjerksund and Stensland (1993) flat-boundary approximation of American option values under generalized
/// Black-Scholes-Merton dynamics (spot S, continuous yield q, cost of carry b = r − q).
/// </summary>
/// <remarks>
/// Source: P. Bjerksund and G. Stensland, "Closed-form approximation of American options", Scandinavian
/// Journal of Management 9 (1993) S87–S99; notation and trigger of Haug, <i>The Complete Guide to Option
/// Pricing Formulas</i> (1998) §1.4.2 (the version tabulated in QuantLib's test suite).
/// The call value is the exact value of one admissible exercise policy: exercise the first time S reaches a
/// flat trigger I (receiving I − K), otherwise hold to expiry. Holding to expiry (I = ∞) is another admissible
/// policy, worth the European value. The American value is the supremum over all policies, so
/// max(flat-trigger value, European value) is still a lower bound on it, and it is the better of the two
/// policies — that is how this model is defined here (<see cref="Price"/>); <see cref="FlatBoundaryValue"/>
/// returns the flat-trigger policy alone. Haug's trigger is chosen heuristically, not optimally, so for extreme
/// inputs (e.g. σ = 10) the flat-trigger policy is worth less than never exercising early.
/// Puts use the put-call transformation P(S, K, r, q, σ) = C(K, S, q, r, σ) (Bjerksund-Stensland 1993 §4).
/// Calls with q ≤ 0 are never exercised early and get the European value.
/// Units: rates, yield and vol annualised decimals; time in years; prices in the price currency.
/// </remarks>
public static class BjerksundStensland
{
    private static readonly FiniteDifferenceGreeks.PriceFunction PriceFunction = Price;

    /// <summary>
    /// Approximate value of an American option: the better of the flat-trigger exercise policy and holding to
    /// expiry (see remarks), in the price currency per unit of underlying.
    /// </summary>
    /// <param name="type">Call or put.</param>
    /// <param name="spot">Spot price S &gt; 0.</param>
    /// <param name="strike">Strike K &gt; 0.</param>
    /// <param name="rate">Continuously compounded risk-free rate r per year.</param>
    /// <param name="dividendYield">Continuous dividend/carry yield q per year.</param>
    /// <param name="time">Time to expiry T in years (≥ 0).</param>
    /// <param name="vol">Volatility σ per √year (≥ 0).</param>
    public static double Price(OptionType type, double spot, double strike, double rate, double dividendYield, double time, double vol)
    {
        if (!(vol * Math.Sqrt(time) > 0)) return DeterministicExercise.Value(type, spot, strike, rate, dividendYield, time);
        double european = BlackScholesMerton.Price(type, spot, strike, rate, dividendYield, time, vol);
        return Math.Max(european, FlatBoundaryValue(type, spot, strike, rate, dividendYield, time, vol));
    }

    /// <summary>
    /// Value of the flat-trigger exercise policy alone (Haug 1998 §1.4.2 as published, without comparing it to
    /// holding to expiry); equals the European value where early exercise is never optimal.
    /// </summary>
    /// <param name="type">Call or put.</param>
    /// <param name="spot">Spot price S &gt; 0.</param>
    /// <param name="strike">Strike K &gt; 0.</param>
    /// <param name="rate">Continuously compounded risk-free rate r per year.</param>
    /// <param name="dividendYield">Continuous dividend/carry yield q per year.</param>
    /// <param name="time">Time to expiry T in years (&gt; 0).</param>
    /// <param name="vol">Volatility σ per √year (&gt; 0).</param>
    public static double FlatBoundaryValue(OptionType type, double spot, double strike, double rate, double dividendYield, double time, double vol)
        => type == OptionType.Call
            ? CallValue(spot, strike, rate, dividendYield, time, vol)
            : CallValue(strike, spot, dividendYield, rate, time, vol);

    /// <summary>
    /// Approximate value and Greeks by central finite differences of <see cref="Price"/> (bump sizes: spot 1e-4·S
    /// for delta and 1e-3·S for gamma, vol/rate/yield 1e-4 absolute, time min(1e-4, T/2) years; at T = 0 the payoff's one-sided Greeks with theta 0).
    /// Units as <see cref="OptionGreeks"/>: vega/rho/dividend rho per 1.00, theta per year.
    /// </summary>
    /// <param name="type">Call or put.</param>
    /// <param name="spot">Spot price S &gt; 0.</param>
    /// <param name="strike">Strike K &gt; 0.</param>
    /// <param name="rate">Continuously compounded risk-free rate r per year.</param>
    /// <param name="dividendYield">Continuous dividend/carry yield q per year.</param>
    /// <param name="time">Time to expiry T in years (≥ 0).</param>
    /// <param name="vol">Volatility σ per √year (≥ 0).</param>
    public static OptionGreeks Greeks(OptionType type, double spot, double strike, double rate, double dividendYield, double time, double vol)
        => FiniteDifferenceGreeks.Compute(PriceFunction, type, spot, strike, rate, dividendYield, time, vol);

    // Bjerksund-Stensland (1993) call with cost of carry b = r − q (Haug 1998 §1.4.2).
    private static double CallValue(double spot, double strike, double rate, double dividendYield, double time, double vol)
    {
        double carry = rate - dividendYield;
        if (dividendYield <= 0) return BlackScholesMerton.Price(OptionType.Call, spot, strike, rate, dividendYield, time, vol);

        double variance = vol * vol;
        double sigmaRootT = vol * Math.Sqrt(time);
        double beta = (0.5 - carry / variance) + Math.Sqrt((carry / variance - 0.5) * (carry / variance - 0.5) + 2.0 * rate / variance);
        double triggerInfinity = beta / (beta - 1.0) * strike;
        double triggerZero = Math.Max(strike, rate / (rate - carry) * strike);
        double h = -(carry * time + 2.0 * sigmaRootT) * triggerZero / (triggerInfinity - triggerZero);
        double trigger = triggerZero - (triggerInfinity - triggerZero) * double.ExpM1(h);
        if (spot >= trigger) return spot - strike;

        // α S^β with α = (I − K) I^(−β), and every φ(S, γ, H, I) = I^γ · ScaledPhi(...), so the huge powers
        // S^β and I^(−β) (β grows like 1/σ) are only ever formed as the ratio (S/I)^β.
        double i = trigger;
        return (i - strike) * Math.Exp(beta * Math.Log(spot / i))
               - (i - strike) * ScaledPhi(spot, time, beta, i, i, rate, carry, vol)
               + i * ScaledPhi(spot, time, 1.0, i, i, rate, carry, vol)
               - i * ScaledPhi(spot, time, 1.0, strike, i, rate, carry, vol)
               - strike * ScaledPhi(spot, time, 0.0, i, i, rate, carry, vol)
               + strike * ScaledPhi(spot, time, 0.0, strike, i, rate, carry, vol);
    }

    // φ(S, T, γ, H, I) / I^γ, where φ = e^λ S^γ [Φ(d) − (I/S)^κ Φ(d − 2 ln(I/S)/(σ√T))],
    // λ = (−r + γb + ½γ(γ−1)σ²)T, d = −[ln(S/H) + (b + (γ − ½)σ²)T]/(σ√T), κ = 2b/σ² + 2γ − 1 (Haug 1998 §1.4.2).
    private static double ScaledPhi(double spot, double time, double gamma, double h, double trigger, double rate, double carry, double vol)
    {
        double variance = vol * vol;
        double sigmaRootT = vol * Math.Sqrt(time);
        double lambda = (-rate + gamma * carry + 0.5 * gamma * (gamma - 1.0) * variance) * time;
        double d = -(Math.Log(spot / h) + (carry + (gamma - 0.5) * variance) * time) / sigmaRootT;
        double kappa = 2.0 * carry / variance + 2.0 * gamma - 1.0;
        double logTriggerOverSpot = Math.Log(trigger / spot);
        // e^λ (S/I)^γ [Φ(d) − (I/S)^κ Φ(...)]: for tiny σ the powers overflow while the Φ's underflow although
        // each product is bounded, so every product is formed as the exponential of a sum of logarithms.
        double logScale = lambda - gamma * logTriggerOverSpot;
        return Math.Exp(logScale + LogCdf(d))
               - Math.Exp(logScale + kappa * logTriggerOverSpot + LogCdf(d - 2.0 * logTriggerOverSpot / sigmaRootT));
    }

    // ln Φ(x), finite far into the lower tail: Φ(x) = ½ erfcx(−x/√2) e^(−x²/2).
    private static double LogCdf(double x)
        => x < -5.0 ? Math.Log(0.5 * Normal.Erfcx(-x * 0.70710678118654752440)) - 0.5 * x * x : Math.Log(Normal.Cdf(x));
}
