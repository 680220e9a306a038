using System.Runtime.CompilerServices;

namespace Ballast.Pricing;

/// <summary>
/// The standard normal distribution to full double precision, including deep in both tails.
/// </summary>
/// <remarks>
/// The cumulative distribution is computed from the complementary error function,
/// Φ(x) = ½·erfc(−x/√2), evaluated with W. J. Cody's near-minimax rational approximations
/// ("Rational Chebyshev approximations for the error function", Math. Comp. 23 (1969) 631–638),
/// which are accurate to about 18 significant digits in each of the three intervals. Computing the
/// lower tail through erfc (rather than 1 − Φ) keeps full relative accuracy for Φ(−38) ≈ 1e-316.
/// </remarks>
public static class Normal
{
    /// <summary>1/√(2π).</summary>
    public const double InvSqrt2Pi = 0.398942280401432677939946059934;

    private const double InvSqrt2 = 0.707106781186547524400844362105;
    private const double InvSqrtPi = 0.564189583547756286948079451561;

    /// <summary>Standard normal density n(x) = e^(−x²/2)/√(2π).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Pdf(double x) => InvSqrt2Pi * Math.Exp(-0.5 * x * x);

    /// <summary>Standard normal cumulative distribution Φ(x) = P(Z ≤ x); relative error within 2e-15 down to the smallest normal doubles (x ≈ −37.5).</summary>
    public static double Cdf(double x)
    {
        if (x >= -0.66291260736238833) return 0.5 * Erfc(-x * InvSqrt2); // |x|/√2 ≤ 0.46875 or upper half

        // Lower tail: Φ(x) = ½·erfcx(y)·e^(−x²/2), y = −x/√2. Rounding y and squaring it would cost a
        // relative error ≈ u·x² (2.5e-13 at x = −37); instead x² is split exactly with an FMA
        // (x² = hi + lo) and e^(−hi/2) takes an exact argument, so the tail keeps a few-ulp accuracy.
        double y = -x * InvSqrt2;
        double scaled = y <= 4.0 ? ErfcxMiddle(y) : ErfcxLarge(y);
        double hi = x * x;
        double lo = Math.FusedMultiplyAdd(x, x, -hi);
        return 0.5 * scaled * Math.Exp(-0.5 * hi) * Math.Exp(-0.5 * lo);
    }

    /// <summary>Complementary error function erfc(x) = 2/√π ∫ₓ^∞ e^(−t²) dt.</summary>
    public static double Erfc(double x)
    {
        double y = Math.Abs(x);
        if (y <= 0.46875)
        {
            return 1.0 - ErfSmall(x);
        }

        double result = y <= 4.0 ? ErfcxMiddle(y) : ErfcxLarge(y);
        // erfc(y) = e^(−y²)·erfcx(y); split y² so that e^(−y²) keeps its precision (Cody's device).
        double yTrunc = Math.Truncate(y * 16.0) / 16.0;
        double del = (y - yTrunc) * (y + yTrunc);
        result *= Math.Exp(-yTrunc * yTrunc) * Math.Exp(-del);
        return x < 0 ? 2.0 - result : result;
    }

    /// <summary>Error function erf(x) = 1 − erfc(x).</summary>
    public static double Erf(double x) => Math.Abs(x) <= 0.46875 ? ErfSmall(x) : 1.0 - Erfc(x);

    /// <summary>Scaled complementary error function erfcx(x) = e^(x²)·erfc(x), finite for large positive x.</summary>
    public static double Erfcx(double x)
    {
        double y = Math.Abs(x);
        double result;
        if (y <= 0.46875)
        {
            result = (1.0 - ErfSmall(y)) * Math.Exp(y * y);
        }
        else
        {
            result = y <= 4.0 ? ErfcxMiddle(y) : ErfcxLarge(y);
        }

        if (x >= 0) return result;
        // erfcx(−y) = 2e^(y²) − erfcx(y)
        double yTrunc = Math.Truncate(y * 16.0) / 16.0;
        double del = (y - yTrunc) * (y + yTrunc);
        double e = Math.Exp(yTrunc * yTrunc) * Math.Exp(del);
        return (e + e) - result;
    }

    /// <summary>
    /// Inverse of the standard normal cumulative distribution, Φ⁻¹(p), relative accuracy ≈ 1e-16 for
    /// p ∈ (0, 1) including deep in the tails (p down to the smallest normal double).
    /// </summary>
    /// <remarks>
    /// M. J. Wichura, "Algorithm AS 241: The percentage points of the normal distribution",
    /// Applied Statistics 37 (1988) 477–484 (PPND16): three rational approximations, in q = p − ½ for
    /// |q| ≤ 0.425 and in r = √(−ln min(p, 1−p)) beyond. Returns −∞ for p = 0, +∞ for p = 1 and NaN
    /// outside [0, 1]; callers in this library only pass p ∈ (0, 1).
    /// </remarks>
    /// <param name="p">Probability in (0, 1).</param>
    public static double InverseCdf(double p)
    {
        double q = p - 0.5;
        if (Math.Abs(q) <= 0.425)
        {
            double r = 0.180625 - q * q;
            double num = ((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r
                + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r
                + 133.14166789178437745) * r + 3.3871328727963666080;
            double den = ((((((5226.4952788528545610 * r + 28729.085735721942674) * r + 39307.895800092710610) * r
                + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.18700749205790830) * r
                + 42.313330701600911252) * r + 1.0;
            return q * num / den;
        }

        if (!(p > 0.0 && p < 1.0))
        {
            return p == 0.0 ? double.NegativeInfinity : p == 1.0 ? double.PositiveInfinity : double.NaN;
        }

        // The tail probability min(p, 1 − p); for p > ½ the subtraction is exact enough because 1 − p ≥ 2⁻⁵³ here.
        double tail = q < 0 ? p : 1.0 - p;
        double value = TailQuantile(Math.Sqrt(-Math.Log(tail)));
        return q < 0 ? -value : value;
    }

    /// <summary>Φ⁻¹(p) for a lower-tail p &lt; 0.075 given as ln p (AS 241's tail branches need only ln p).</summary>
    internal static double InverseCdfLowerTailFromLog(double logP) => -TailQuantile(Math.Sqrt(-logP));

    // AS 241 tail branches: |Φ⁻¹(p)| for r = √(−ln min(p, 1 − p)) ≥ √(−ln 0.075). The degree-7 polynomials have positive
    // coefficients and a non-negative argument, so they are evaluated with Estrin's scheme (shorter dependency chain).
    private static double TailQuantile(double rr)
    {
        if (rr <= 5.0)
        {
            double r = rr - 1.6;
            return Estrin7(1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504,
                    1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4, r)
                / Estrin7(1.0, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455,
                    0.14810397642748007459, 0.0151986665636164571966, 5.4759380849953449460e-4, 1.05075007164441684324e-9, r);
        }
        else
        {
            double r = rr - 5.0;
            return Estrin7(6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123,
                    0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7, r)
                / Estrin7(1.0, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525,
                    7.868691311456132591e-4, 1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15, r);
        }
    }

    // c0 + c1·r + … + c7·r⁷ by Estrin's scheme.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Estrin7(double c0, double c1, double c2, double c3, double c4, double c5, double c6, double c7, double r)
    {
        double r2 = r * r;
        double r4 = r2 * r2;
        return (c0 + c1 * r) + (c2 + c3 * r) * r2 + ((c4 + c5 * r) + (c6 + c7 * r) * r2) * r4;
    }

    // Cody 1969, first interval |x| ≤ 0.46875: erf(x) ≈ x·P(x²)/Q(x²).
    private static double ErfSmall(double x)
    {
        double ysq = x * x;
        double num = 0.185777706184603153 * ysq;
        double den = ysq;
        num = (num + 3.16112374387056560) * ysq; den = (den + 23.6012909523441209) * ysq;
        num = (num + 113.864154151050156) * ysq; den = (den + 244.024637934444173) * ysq;
        num = (num + 377.485237685302021) * ysq; den = (den + 1282.61652607737228) * ysq;
        return x * (num + 3209.37758913846947) / (den + 2844.23683343917062);
    }

    // Cody 1969, second interval 0.46875 < y ≤ 4: erfcx(y) ≈ P(y)/Q(y), both of degree 8. Evaluated with Estrin's
    // scheme (pairs, then powers y², y⁴, y⁸) rather than Horner's: all coefficients and y are positive here, so the
    // rounding error stays a few ulp, and the shorter dependency chain roughly halves the latency.
    private static double ErfcxMiddle(double y)
    {
        double y2 = y * y;
        double y4 = y2 * y2;
        double y8 = y4 * y4;
        double num = (1230.33935479799725 + 2051.07837782607147 * y) + (1712.04761263407058 + 881.952221241769090 * y) * y2
            + ((298.635138197400131 + 66.1191906371416295 * y) + (8.88314979438837594 + 0.564188496988670089 * y) * y2) * y4
            + 2.15311535474403846e-8 * y8;
        double den = (1230.33935480374942 + 3439.36767414372164 * y) + (4362.61909014324716 + 3290.79923573345963 * y) * y2
            + ((1621.38957456669019 + 537.181101862009858 * y) + (117.693950891312499 + 15.7449261107098347 * y) * y2) * y4
            + y8;
        return num / den;
    }

    // Cody 1969, third interval y > 4: erfcx(y) ≈ (1/√π − z·P(z)/Q(z))/y with z = 1/y².
    private static double ErfcxLarge(double y)
    {
        if (y >= 6.71e7) return InvSqrtPi / y;
        double z = 1.0 / (y * y);
        double num = 0.0163153871373020978 * z;
        double den = z;
        num = (num + 0.305326634961232344) * z; den = (den + 2.56852019228982242) * z;
        num = (num + 0.360344899949804439) * z; den = (den + 1.87295284992346047) * z;
        num = (num + 0.125781726111229246) * z; den = (den + 0.527905102951428412) * z;
        num = (num + 0.0160837851487422766) * z; den = (den + 0.0605183413124413191) * z;
        double r = z * (num + 6.58749161529837803e-4) / (den + 2.33520497626869185e-3);
        return (InvSqrtPi - r) / y;
    }
}
