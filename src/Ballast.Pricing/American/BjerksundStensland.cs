namespace Ballast.Pricing.American;

/// <summary>
/// Bjerksund and Stensland approximations of American option values under generalized Black-Scholes-Merton
/// dynamics (spot S, continuous yield q, cost of carry b = r − q): the 2002 two-step boundary
/// (<see cref="Price"/>, <see cref="Greeks"/>) and the 1993 flat boundary (<see cref="Price1993"/>).
/// </summary>
/// <remarks>
/// Sources: P. Bjerksund and G. Stensland, "Closed-form approximation of American options", Scandinavian Journal
/// of Management 9 (1993) S87–S99, and "Closed form valuation of American options", NHH discussion paper (2002);
/// notation of Haug, <i>The Complete Guide to Option Pricing Formulas</i> (1998 §1.4.2 for 1993; 2007 §3.10.4
/// for 2002). Each formula is the exact value of one admissible exercise policy of a call: exercise the first
/// time S reaches a trigger (flat I in 1993; I₂ before t₁ = ½(√5 − 1)T and I₁ after it in 2002), otherwise
/// hold to expiry. Holding to expiry regardless (trigger = ∞) is another admissible policy, worth the European
/// value. The American value is the supremum over all policies, so the best of these three policy values is
/// still a lower bound on it: max(two-step 2002, flat 1993, European) is how <see cref="Price"/> is defined.
/// The triggers are heuristic, not optimal, and the 2002 two-step value degrades at high volatility. On a grid of
/// 3,360 cases (K = 100, S ∈ [50, 200], r ∈ {.01,.05,.15}, q ∈ [0, .2], T ∈ [1 day, 5y], σ ∈ {.05,.11,.5,1.2,3})
/// it is below the European value in 348 cases at σ = 3 (by up to 13%, confirmed by a 25-digit evaluation of the
/// formula), 158 at σ = 1.2 (up to 10%), 13 at σ = 0.5 (up to 1.9%, long-dated puts) and 39 at σ ≤ 0.11 (up to
/// 0.044 absolute, where the trigger had to be floored at the strike); the 1993 or European value is taken there.
/// Puts use the put-call transformation P(S, K, r, q, σ) = C(K, S, q, r, σ) (Bjerksund-Stensland 1993 §4).
/// Calls with q ≤ 0 (puts with r ≤ 0, through the transformation) get the European value, exact when the other
/// rate is ≥ 0 (Merton 1973); with both rates negative this understates the American value (a known limitation).
/// Units: rates, yield and vol annualised decimals; time in years; prices in the price currency.
/// </remarks>
public static class BjerksundStensland
{
    private static readonly FiniteDifferenceGreeks.PriceFunction PriceFunction = Price;

    // t₁/T of the 2002 two-step boundary: the golden-section split ½(√5 − 1) (Bjerksund-Stensland 2002).
    private static readonly double FirstStepFraction = 0.5 * (Math.Sqrt(5.0) - 1.0);

    /// <summary>
    /// Approximate value of an American option: the best of the 2002 two-step exercise policy, the 1993 flat policy
    /// and holding to expiry (see remarks), in the price currency per unit of underlying.
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
        double flat = Price1993(type, spot, strike, rate, dividendYield, time, vol);
        return Math.Max(european, Math.Max(flat, TwoStepPolicyValue(type, spot, strike, rate, dividendYield, time, vol)));
    }

    /// <summary>The 2002 two-step policy value alone, before comparing it with holding to expiry (σ√T &gt; 0).</summary>
    internal static double TwoStepPolicyValue(OptionType type, double spot, double strike, double rate, double dividendYield, double time, double vol)
        => type == OptionType.Call
            ? TwoStepCall(spot, strike, rate, dividendYield, time, vol)
            : TwoStepCall(strike, spot, dividendYield, rate, time, vol);

    /// <summary>
    /// The 1993 flat-trigger policy value exactly as published (Haug 1998 §1.4.2, the version tabulated in
    /// QuantLib's test suite), without comparing it to holding to expiry — so it can be below the European value
    /// for extreme inputs; use <see cref="Price"/> for valuation.
    /// </summary>
    /// <param name="type">Call or put.</param>
    /// <param name="spot">Spot price S &gt; 0.</param>
    /// <param name="strike">Strike K &gt; 0.</param>
    /// <param name="rate">Continuously compounded risk-free rate r per year.</param>
    /// <param name="dividendYield">Continuous dividend/carry yield q per year.</param>
    /// <param name="time">Time to expiry T in years (&gt; 0).</param>
    /// <param name="vol">Volatility σ per √year (&gt; 0).</param>
    public static double Price1993(OptionType type, double spot, double strike, double rate, double dividendYield, double time, double vol)
        => type == OptionType.Call
            ? FlatCall(spot, strike, rate, dividendYield, time, vol)
            : FlatCall(strike, spot, dividendYield, rate, time, vol);

    /// <summary>
    /// Value of <see cref="Price"/> and Greeks by central finite differences of it (bump sizes: spot 1e-4·S
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

    // Trigger floor (both versions): when bτ + 2σ√τ < 0 (strongly negative carry, small σ) h > 0 and Haug's
    // trigger falls below the strike, i.e. the policy would exercise out of the money for a negative payoff (QuantLib
    // rejects these inputs). Raising the trigger to K gives a policy that is never worse path by path — it pays
    // 0 instead of I − K &lt; 0 where the lower trigger is hit — so the result is still an admissible-policy lower bound.

    // β, B∞ and B₀ shared by both versions (Haug 2007 §3.10.4): the perpetual and the at-expiry boundaries.
    private static (double Beta, double TriggerInfinity, double TriggerZero) Boundaries(double strike, double rate, double dividendYield, double vol)
    {
        double variance = vol * vol;
        double carry = rate - dividendYield;
        // β = a + √(a² + c), a = ½ − b/σ², c = 2r/σ². For b ≫ σ² (a → −∞) the sum cancels catastrophically, so use
        // the equivalent c/(√(a² + c) − a) there.
        double a = 0.5 - carry / variance, c = 2.0 * rate / variance;
        double root = Math.Sqrt(a * a + c);
        double beta = a >= 0 ? a + root : c / (root - a);
        double bZero = Math.Max(strike, rate / dividendYield * strike);
        // B∞ ≥ B₀ holds exactly (the perpetual boundary is the highest); as σ → 0 both tend to rK/q and round-off
        // may invert them, which would send the trigger to infinity.
        double bInfinity = Math.Max(beta / (beta - 1.0) * strike, bZero);
        return (beta, bInfinity, bZero);
    }

    // Bjerksund-Stensland (1993) call, trigger I = B₀ + (B∞ − B₀)(1 − e^h), h = −(bT + 2σ√T)B₀/(B∞ − B₀) (Haug 1998).
    private static double FlatCall(double spot, double strike, double rate, double dividendYield, double time, double vol)
    {
        if (dividendYield <= 0) return BlackScholesMerton.Price(OptionType.Call, spot, strike, rate, dividendYield, time, vol);
        var (beta, bInfinity, bZero) = Boundaries(strike, rate, dividendYield, vol);
        double carry = rate - dividendYield;
        double h = -(carry * time + 2.0 * vol * Math.Sqrt(time)) * bZero / (bInfinity - bZero);
        double trigger = Math.Max(strike, bZero - (bInfinity - bZero) * double.ExpM1(h));
        return spot >= trigger ? spot - strike : FlatCallBelowTrigger(spot, strike, rate, carry, time, vol, beta, trigger);
    }

    /// <summary>1993 formula for S &lt; I: α S^β − αφ(β, I, I) + φ(1, I, I) − φ(1, K, I) − Kφ(0, I, I) + Kφ(0, K, I).</summary>
    internal static double FlatCallBelowTrigger(double spot, double strike, double rate, double carry, double time, double vol, double beta, double trigger)
    {
        // α = (I − K) I^(−β) and φ(γ, H, I) = I^γ·ScaledPhi(γ, H, I), so the huge powers S^β and I^(−β)
        // (β grows like 1/σ) are only ever formed as the ratio (S/I)^β.
        double i = trigger;
        return (i - strike) * Math.Exp(beta * Math.Log(spot / i))
               - (i - strike) * ScaledPhi(spot, time, beta, i, i, rate, carry, vol)
               + i * ScaledPhi(spot, time, 1.0, i, i, rate, carry, vol)
               - i * ScaledPhi(spot, time, 1.0, strike, i, rate, carry, vol)
               - strike * ScaledPhi(spot, time, 0.0, i, i, rate, carry, vol)
               + strike * ScaledPhi(spot, time, 0.0, strike, i, rate, carry, vol);
    }

    // Bjerksund-Stensland (2002) call: triggers I₁ = I(t₁), I₂ = I(T) with
    // h(τ) = −(bτ + 2σ√τ)·K²/((B∞ − B₀)B₀) (Haug 2007 §3.10.4).
    private static double TwoStepCall(double spot, double strike, double rate, double dividendYield, double time, double vol)
    {
        if (dividendYield <= 0) return BlackScholesMerton.Price(OptionType.Call, spot, strike, rate, dividendYield, time, vol);
        var (beta, bInfinity, bZero) = Boundaries(strike, rate, dividendYield, vol);
        double carry = rate - dividendYield;
        double t1 = FirstStepFraction * time;
        double scale = strike * strike / ((bInfinity - bZero) * bZero);
        double i1 = Math.Max(strike, bZero - (bInfinity - bZero) * double.ExpM1(-(carry * t1 + 2.0 * vol * Math.Sqrt(t1)) * scale));
        double i2 = Math.Max(strike, bZero - (bInfinity - bZero) * double.ExpM1(-(carry * time + 2.0 * vol * Math.Sqrt(time)) * scale));
        return spot >= i2 ? spot - strike : TwoStepCallBelowTrigger(spot, strike, rate, carry, time, vol, beta, i1, i2, t1);
    }

    /// <summary>
    /// 2002 formula for S &lt; I₂ (Haug 2007 §3.10.4):
    /// α₂S^β − α₂φ(t₁, β, I₂, I₂) + φ(t₁, 1, I₂, I₂) − φ(t₁, 1, I₁, I₂) − Kφ(t₁, 0, I₂, I₂) + Kφ(t₁, 0, I₁, I₂)
    /// + α₁φ(t₁, β, I₁, I₂) − α₁ψ(T, β, I₁) + ψ(T, 1, I₁) − ψ(T, 1, K) − Kψ(T, 0, I₁) + Kψ(T, 0, K),
    /// α_j = (I_j − K)I_j^(−β). With I₁ = I₂ it reduces to the 1993 formula (a test checks this).
    /// </summary>
    internal static double TwoStepCallBelowTrigger(double spot, double strike, double rate, double carry, double time, double vol, double beta, double i1, double i2, double t1)
    {
        // As in the 1993 formula every power is scaled so that only ratios such as (S/I₂)^β or (I₂/I₁)^β appear:
        // φ(γ, H, I₂) = I₂^γ·ScaledPhi and ψ(γ, H) = I₁^γ·ScaledPsi.
        double logI2OverI1 = Math.Log(i2 / i1);
        return (i2 - strike) * Math.Exp(beta * Math.Log(spot / i2))
               - (i2 - strike) * ScaledPhi(spot, t1, beta, i2, i2, rate, carry, vol)
               + i2 * ScaledPhi(spot, t1, 1.0, i2, i2, rate, carry, vol)
               - i2 * ScaledPhi(spot, t1, 1.0, i1, i2, rate, carry, vol)
               - strike * ScaledPhi(spot, t1, 0.0, i2, i2, rate, carry, vol)
               + strike * ScaledPhi(spot, t1, 0.0, i1, i2, rate, carry, vol)
               + (i1 - strike) * ScaledPhi(spot, t1, beta, i1, i2, rate, carry, vol, beta * logI2OverI1)
               - (i1 - strike) * ScaledPsi(spot, time, beta, i1, i2, i1, t1, rate, carry, vol)
               + i1 * ScaledPsi(spot, time, 1.0, i1, i2, i1, t1, rate, carry, vol)
               - i1 * ScaledPsi(spot, time, 1.0, strike, i2, i1, t1, rate, carry, vol)
               - strike * ScaledPsi(spot, time, 0.0, i1, i2, i1, t1, rate, carry, vol)
               + strike * ScaledPsi(spot, time, 0.0, strike, i2, i1, t1, rate, carry, vol);
    }

    // φ(S, T, γ, H, I) / I^γ · e^extraLog, where φ = e^λ S^γ [Φ(d) − (I/S)^κ Φ(d − 2 ln(I/S)/(σ√T))],
    // λ = (−r + γb + ½γ(γ−1)σ²)T, d = −[ln(S/H) + (b + (γ − ½)σ²)T]/(σ√T), κ = 2b/σ² + 2γ − 1 (Haug 1998 §1.4.2).
    private static double ScaledPhi(double spot, double time, double gamma, double h, double trigger, double rate, double carry, double vol, double extraLog = 0.0)
    {
        double variance = vol * vol;
        double sigmaRootT = vol * Math.Sqrt(time);
        double lambda = (-rate + gamma * carry + 0.5 * gamma * (gamma - 1.0) * variance) * time;
        double d = -(Math.Log(spot / h) + (carry + (gamma - 0.5) * variance) * time) / sigmaRootT;
        double kappa = 2.0 * carry / variance + 2.0 * gamma - 1.0;
        double logTriggerOverSpot = Math.Log(trigger / spot);
        // For tiny σ the powers overflow while the Φ's underflow although each product is bounded, so every
        // product is formed as the exponential of a sum of logarithms.
        double logScale = lambda - gamma * logTriggerOverSpot + extraLog;
        return Math.Exp(logScale + LogCdf(d))
               - Math.Exp(logScale + kappa * logTriggerOverSpot + LogCdf(d - 2.0 * logTriggerOverSpot / sigmaRootT));
    }

    // ψ(S, T, γ, H, I₂, I₁, t₁) / I₁^γ (Haug 2007 §3.10.4):
    // ψ = e^(λT) S^γ [M(−e₁, −f₁; ρ) − (I₂/S)^κ M(−e₂, −f₂; ρ) − (I₁/S)^κ M(−e₃, −f₃; −ρ) + (I₁/I₂)^κ M(−e₄, −f₄; −ρ)],
    // e₁,₂ = [ln(S/I₁), ln(I₂²/(S I₁))] + μt₁ over σ√t₁, e₃,₄ = the same logs − μt₁; f₁..₄ = [ln(S/H), ln(I₂²/(S H)),
    // ln(I₁²/(S H)), ln(S I₁²/(H I₂²))] + μT over σ√T; μ = b + (γ − ½)σ², ρ = √(t₁/T), λ and κ as in φ.
    private static double ScaledPsi(double spot, double time, double gamma, double h, double i2, double i1, double t1, double rate, double carry, double vol)
    {
        double variance = vol * vol;
        double mu = carry + (gamma - 0.5) * variance;
        double rootT1 = vol * Math.Sqrt(t1), rootT = vol * Math.Sqrt(time);
        double lnSOverI1 = Math.Log(spot / i1);
        double lnI2SqOverSI1 = Math.Log(i2 / spot) + Math.Log(i2 / i1);
        double e1 = (lnSOverI1 + mu * t1) / rootT1;
        double e2 = (lnI2SqOverSI1 + mu * t1) / rootT1;
        double e3 = (lnSOverI1 - mu * t1) / rootT1;
        double e4 = (lnI2SqOverSI1 - mu * t1) / rootT1;
        double lnSOverH = Math.Log(spot / h);
        double f1 = (lnSOverH + mu * time) / rootT;
        double f2 = (Math.Log(i2 / spot) + Math.Log(i2 / h) + mu * time) / rootT;
        double f3 = (Math.Log(i1 / spot) + Math.Log(i1 / h) + mu * time) / rootT;
        double f4 = (lnSOverH + 2.0 * Math.Log(i1 / i2) + mu * time) / rootT;
        double rho = Math.Sqrt(t1 / time);
        double lambda = -rate + gamma * carry + 0.5 * gamma * (gamma - 1.0) * variance;
        double kappa = 2.0 * carry / variance + 2.0 * gamma - 1.0;
        double logScale = lambda * time + gamma * lnSOverI1;
        return Product(logScale, BivariateNormal.Cdf(-e1, -f1, rho))
               - Product(logScale + kappa * Math.Log(i2 / spot), BivariateNormal.Cdf(-e2, -f2, rho))
               - Product(logScale + kappa * Math.Log(i1 / spot), BivariateNormal.Cdf(-e3, -f3, -rho))
               + Product(logScale + kappa * Math.Log(i1 / i2), BivariateNormal.Cdf(-e4, -f4, -rho));
    }

    // e^logScale · probability without forming an overflowing e^logScale next to an underflowing probability.
    private static double Product(double logScale, double probability)
        => probability > 0 ? Math.Exp(logScale + Math.Log(probability)) : 0.0;

    // ln Φ(x), finite far into the lower tail: Φ(x) = ½ erfcx(−x/√2) e^(−x²/2).
    private static double LogCdf(double x)
        => x < -5.0 ? Math.Log(0.5 * Normal.Erfcx(-x * 0.70710678118654752440)) - 0.5 * x * x : Math.Log(Normal.Cdf(x));
}
