namespace Ballast.Pricing.American;

/// <summary>
/// Barone-Adesi and Whaley (1987) quadratic approximation of American option values under generalized
/// Black-Scholes-Merton dynamics (spot S, continuous yield q, cost of carry b = r − q).
/// </summary>
/// <remarks>
/// Source: G. Barone-Adesi and R. E. Whaley, "Efficient analytic approximation of American option values",
/// Journal of Finance 42 (1987) 301–320; notation of Haug, <i>The Complete Guide to Option Pricing
/// Formulas</i> (2nd ed., 2007), §3.10.1. The early-exercise premium solves the Black-Scholes PDE with the
/// time-derivative term scaled away, giving C = c + A₂(S/S*)^q₂ below the critical price S* (S − K above it)
/// and P = p + A₁(S/S**)^q₁ above S** (K − S below it). S* and S** are found by a bracketed Newton solve.
/// Because A₁, A₂ ≥ 0 and the exercise region starts where the payoff first touches c + A(S/S*)^q, the
/// approximation is never below the European value (no clamp is applied).
/// Calls with q ≤ 0 and puts with r ≤ 0 get the European value: early exercise is never optimal then (Merton 1973)
/// provided the other rate (r for calls, q for puts) is ≥ 0. Limitation: when both are negative early exercise can
/// pay and the European value understates the American one.
/// Units: rates, yield and vol annualised decimals; time in years; prices in the price currency.
/// </remarks>
public static class BaroneAdesiWhaley
{
    private const int MaxIterations = 100;
    private const double RelativeTolerance = 1e-14;

    private static readonly FiniteDifferenceGreeks.PriceFunction PriceFunction = Price;

    /// <summary>Approximate value of an American option (price currency per unit of underlying).</summary>
    /// <param name="type">Call or put.</param>
    /// <param name="spot">Spot price S &gt; 0.</param>
    /// <param name="strike">Strike K &gt; 0.</param>
    /// <param name="rate">Continuously compounded risk-free rate r per year.</param>
    /// <param name="dividendYield">Continuous dividend/carry yield q per year.</param>
    /// <param name="time">Time to expiry T in years (≥ 0).</param>
    /// <param name="vol">Volatility σ per √year (≥ 0).</param>
    public static double Price(OptionType type, double spot, double strike, double rate, double dividendYield, double time, double vol)
    {
        double sigmaRootT = vol * Math.Sqrt(time);
        if (!(sigmaRootT > 0)) return DeterministicExercise.Value(type, spot, strike, rate, dividendYield, time);
        bool earlyExerciseNeverOptimal = type == OptionType.Call ? dividendYield <= 0 : rate <= 0;
        double european = BlackScholesMerton.Price(type, spot, strike, rate, dividendYield, time, vol);
        if (earlyExerciseNeverOptimal) return european;

        double variance = vol * vol;
        double carry = rate - dividendYield;
        // Haug (2007) eq. for BAW: M = 2r/σ², N = 2b/σ², K = 1 − e^(−rT); M/K → 2/(σ²T) as r → 0.
        double m = 2.0 * rate / variance;
        double n = 2.0 * carry / variance;
        double oneMinusDiscount = -double.ExpM1(-rate * time);
        double mOverK = rate == 0 ? 2.0 / (variance * time) : m / oneMinusDiscount;
        // q₁ < 0 < q₂ are the roots of q² + (N − 1)q − M/K = 0. Take the one without cancellation from the
        // quadratic formula and the other from q₁q₂ = −M/K (for |N| ≫ 1, i.e. |b| ≫ σ², the formula loses digits).
        double root = Math.Sqrt((n - 1.0) * (n - 1.0) + 4.0 * mOverK);
        double q1, q2;
        if (n - 1.0 >= 0) { q1 = 0.5 * (-(n - 1.0) - root); q2 = -mOverK / q1; }
        else { q2 = 0.5 * (-(n - 1.0) + root); q1 = -mOverK / q2; }
        double carryDiscount = Math.Exp((carry - rate) * time);

        if (type == OptionType.Call)
        {
            double critical = CriticalPrice(type, strike, rate, dividendYield, time, vol, q2, m, n);
            if (spot >= critical) return spot - strike;
            double a2 = critical / q2 * (1.0 - carryDiscount * Normal.Cdf(D1(critical, strike, carry, time, vol)));
            return european + a2 * Math.Pow(spot / critical, q2);
        }
        else
        {
            double critical = CriticalPrice(type, strike, rate, dividendYield, time, vol, q1, m, n);
            if (spot <= critical) return strike - spot;
            double a1 = -critical / q1 * (1.0 - carryDiscount * Normal.Cdf(-D1(critical, strike, carry, time, vol)));
            return european + a1 * Math.Pow(spot / critical, q1);
        }
    }

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

    /// <summary>
    /// Critical price S* (call) or S** (put): the root of the smooth-pasting condition
    /// ±(S − K) = european(S) ± (1 − e^((b−r)T) Φ(±d₁(S))) S/q (BAW 1987 eq. 22/27).
    /// </summary>
    internal static double CriticalPrice(OptionType type, double strike, double rate, double dividendYield, double time, double vol, double qExponent, double m, double n)
    {
        double sigmaRootT = vol * Math.Sqrt(time);
        double carry = rate - dividendYield;
        double sign = type == OptionType.Call ? 1.0 : -1.0;

        // Seed from Haug (2007) §3.10.1: the perpetual critical price, pulled towards K by h(T).
        double qInfinity = 0.5 * (-(n - 1.0) + sign * Math.Sqrt((n - 1.0) * (n - 1.0) + 4.0 * m));
        double sInfinity = strike / (1.0 - 1.0 / qInfinity);
        double h = type == OptionType.Call
            ? -(carry * time + 2.0 * sigmaRootT) * strike / (sInfinity - strike)
            : (carry * time - 2.0 * sigmaRootT) * strike / (strike - sInfinity);
        double s = type == OptionType.Call
            ? strike + (sInfinity - strike) * (1.0 - Math.Exp(h))
            : sInfinity + (strike - sInfinity) * Math.Exp(h);

        // The residual is positive on the continuation side (at S = K) and negative deep in the exercise
        // region, so keep a bracket [lo, hi] and bisect whenever Newton leaves it.
        double lo, hi;
        if (type == OptionType.Call) { lo = strike; hi = Math.Max(s, strike) * 2.0; while (Residual(type, hi, strike, rate, dividendYield, time, vol, qExponent, out _) > 0 && hi < 1e300) hi *= 2.0; }
        else { hi = strike; lo = Math.Min(s, strike) * 0.5; while (Residual(type, lo, strike, rate, dividendYield, time, vol, qExponent, out _) > 0 && lo > 1e-300) lo *= 0.5; }
        if (!(s > lo && s < hi)) s = 0.5 * (lo + hi);

        for (int i = 0; i < MaxIterations; i++)
        {
            double f = Residual(type, s, strike, rate, dividendYield, time, vol, qExponent, out double slope);
            // Call: residual decreases through the root going up; put: it increases going up.
            bool rootAbove = type == OptionType.Call ? f > 0 : f < 0;
            if (rootAbove) lo = s; else hi = s;
            double next = slope != 0 ? s - f / slope : double.NaN;
            if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
            if (Math.Abs(next - s) <= RelativeTolerance * s || hi - lo <= RelativeTolerance * hi) return next;
            s = next;
        }

        return s;
    }

    // Residual of the critical-price equation and its derivative in S.
    // Call: c(S) + (1 − e^((b−r)T)Φ(d₁))S/q₂ − (S − K); put: p(S) − (1 − e^((b−r)T)Φ(−d₁))S/q₁ − (K − S).
    private static double Residual(OptionType type, double s, double strike, double rate, double dividendYield, double time, double vol, double qExponent, out double slope)
    {
        double carry = rate - dividendYield;
        double sigmaRootT = vol * Math.Sqrt(time);
        double carryDiscount = Math.Exp((carry - rate) * time);
        double d1 = D1(s, strike, carry, time, vol);
        double european = BlackScholesMerton.Price(type, s, strike, rate, dividendYield, time, vol);
        double density = carryDiscount * Normal.Pdf(d1) / sigmaRootT;
        if (type == OptionType.Call)
        {
            double cdf = carryDiscount * Normal.Cdf(d1);
            slope = cdf + (1.0 - cdf) / qExponent - density / qExponent - 1.0;
            return european + (1.0 - cdf) * s / qExponent - (s - strike);
        }
        else
        {
            double cdf = carryDiscount * Normal.Cdf(-d1);
            slope = -cdf - (1.0 - cdf) / qExponent - density / qExponent + 1.0;
            return european - (1.0 - cdf) * s / qExponent - (strike - s);
        }
    }

    private static double D1(double spot, double strike, double carry, double time, double vol)
        => (Math.Log(spot / strike) + (carry + 0.5 * vol * vol) * time) / (vol * Math.Sqrt(time));
}
