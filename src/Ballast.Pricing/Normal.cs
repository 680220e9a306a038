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

    /// <summary>Standard normal cumulative distribution Φ(x) = P(Z ≤ x), relative accuracy ≈ 1e-16 in both tails.</summary>
    public static double Cdf(double x) => 0.5 * Erfc(-x * InvSqrt2);

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

    // Cody 1969, second interval 0.46875 < y ≤ 4: erfcx(y) ≈ P(y)/Q(y).
    private static double ErfcxMiddle(double y)
    {
        double num = 2.15311535474403846e-8 * y;
        double den = y;
        num = (num + 0.564188496988670089) * y; den = (den + 15.7449261107098347) * y;
        num = (num + 8.88314979438837594) * y; den = (den + 117.693950891312499) * y;
        num = (num + 66.1191906371416295) * y; den = (den + 537.181101862009858) * y;
        num = (num + 298.635138197400131) * y; den = (den + 1621.38957456669019) * y;
        num = (num + 881.952221241769090) * y; den = (den + 3290.79923573345963) * y;
        num = (num + 1712.04761263407058) * y; den = (den + 4362.61909014324716) * y;
        num = (num + 2051.07837782607147) * y; den = (den + 3439.36767414372164) * y;
        return (num + 1230.33935479799725) / (den + 1230.33935480374942);
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
