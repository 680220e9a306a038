using System.Runtime.CompilerServices;

namespace Ballast.Pricing.Batch;

/// <summary>
/// Branch-free exp, log and normal-tail functions over any <see cref="ILane{TSelf}"/>, accurate to about one
/// unit in the last place, written for the batch pricers (no table look-ups, no gathers).
/// </summary>
/// <remarks>
/// Polynomial coefficients were fitted for this file with mpmath's <c>chebyfit</c> (near-minimax Chebyshev
/// fits at 50 digits) and rounded to double; the fitting error of each is stated beside it.
/// </remarks>
internal static class LaneMath
{
    private const double Log2E = 1.4426950408889634;

    // ln 2 split so that k·Ln2Hi is exact for |k| < 2^21 (the low 21 bits of Ln2Hi are zero).
    private const double Ln2Hi = 0.6931471803691238;
    private const double Ln2Lo = 1.9082149292705877e-10;

    // Full-precision ln 2 split for the exp reduction with FMA: x − n·Ln2 is rounded once.
    private const double Ln2 = 0.6931471805599453;
    private const double Ln2Tail = 2.3190468138462996e-17;

    /// <summary>Arguments of <see cref="Exp{T}"/> are clamped to this range so that 2^n stays a normal double.</summary>
    public const double ExpMinArgument = -708.39;

    private const double ExpMaxArgument = 709.0;

    private const double Sqrt2 = 1.4142135623730951;

    /// <summary>1/√2.</summary>
    public const double InvSqrt2 = 0.7071067811865476;

    /// <summary>
    /// Weideman's scale L in the map Z = (L − x)/(L + x) (J. A. C. Weideman, "Computation of the complex error
    /// function", SIAM J. Numer. Anal. 31 (1994) 1497–1518): erfcx(x)·(L + x) is analytic in Z on the mapped
    /// interval, so one polynomial covers all of [0, <see cref="ErfcxMaxArgument"/>].
    /// </summary>
    private const double ErfcxScale = 4.0;

    /// <summary>
    /// erfcx is only needed where e^(−x²) is still a double: x = |d|/√2 ≤ 27.3. Larger arguments are clamped
    /// (the product with the underflowed exponential is then 0 either way).
    /// </summary>
    public const double ErfcxMaxArgument = 28.0;

    /// <summary>
    /// e^x for x in [−708.39, 709]; outside, x is clamped to that range (so the result is 2.24e-308 or 8.2e307).
    /// </summary>
    /// <remarks>
    /// Cody and Waite range reduction (W. J. Cody, W. Waite, <i>Software Manual for the Elementary Functions</i>,
    /// 1980, ch. 6): x = n·ln2 + r with n = round(x/ln2), |r| ≤ ln2/2, r formed with two FMAs against a
    /// two-part ln 2; e^r by a degree-11 polynomial (relative error 1.7e-17 on [−ln2/2, ln2/2] with the coefficients rounded); e^x = 2^n·e^r with
    /// 2^n built in the exponent field.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Exp<T>(T x) where T : struct, ILane<T>
    {
        x = T.Min(T.Max(x, T.Create(ExpMinArgument)), T.Create(ExpMaxArgument));
        T shifted = T.MultiplyAdd(x, T.Create(Log2E), T.Create(LaneBits.Shifter));
        T n = shifted - T.Create(LaneBits.Shifter);
        T r = T.MultiplyAdd(n, T.Create(-Ln2), x);
        r = T.MultiplyAdd(n, T.Create(-Ln2Tail), r);
        T p = T.MultiplyAdd(T.Create(2.5110037605963777e-08), r, T.Create(2.763263963904103e-07));
        p = T.MultiplyAdd(p, r, T.Create(2.755724091857897e-06));
        p = T.MultiplyAdd(p, r, T.Create(2.4801485482328494e-05));
        p = T.MultiplyAdd(p, r, T.Create(0.00019841269890047113));
        p = T.MultiplyAdd(p, r, T.Create(0.0013888888952314775));
        p = T.MultiplyAdd(p, r, T.Create(0.008333333333319601));
        p = T.MultiplyAdd(p, r, T.Create(0.0416666666664881));
        p = T.MultiplyAdd(p, r, T.Create(0.1666666666666668));
        p = T.MultiplyAdd(p, r, T.Create(0.5000000000000019));
        p = T.MultiplyAdd(p, r, T.Create(1.0));
        p = T.MultiplyAdd(p, r, T.Create(1.0));
        return p * T.PowerOfTwoFromShifted(shifted);
    }

    /// <summary>e^x, but exactly 0 for x &lt; −708.39 (where e^x would be subnormal or zero).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ExpOrZero<T>(T x) where T : struct, ILane<T>
        => T.Select(T.GreaterThan(x, T.Create(ExpMinArgument)), Exp(x), T.Create(0.0));

    /// <summary>Natural logarithm of a positive normal finite x.</summary>
    /// <remarks>
    /// The scheme of fdlibm's e_log.c (Sun Microsystems, 1993), coefficients refitted: x = 2^k·m with
    /// m in [√½, √2), f = m − 1, s = f/(2 + f), ln(1 + f) = 2·atanh(s) = f − ½f² + s·(½f² + R(s²)),
    /// R(z) = z·P(z) with P of degree 6 (fit error of ln(1+f) below 2e-18 for |s| ≤ 0.1716), and
    /// ln x = k·ln2 + ln(1 + f) summed small terms first with ln 2 in two parts.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Log<T>(T x) where T : struct, ILane<T>
    {
        T m = T.Significand(x);
        T k = T.BiasedExponent(x) - T.Create(1023.0);
        T large = T.GreaterThan(m, T.Create(Sqrt2));
        m = T.Select(large, m * T.Create(0.5), m);
        k = k + T.Select(large, T.Create(1.0), T.Create(0.0));
        T f = m - T.Create(1.0);
        T s = f / (T.Create(2.0) + f);
        T z = s * s;
        T p = T.MultiplyAdd(T.Create(0.14616449685043406), z, T.Create(0.15331721600556042));
        p = T.MultiplyAdd(p, z, T.Create(0.18182889125261723));
        p = T.MultiplyAdd(p, z, T.Create(0.2222221113479508));
        p = T.MultiplyAdd(p, z, T.Create(0.28571428625975487));
        p = T.MultiplyAdd(p, z, T.Create(0.39999999999899505));
        p = T.MultiplyAdd(p, z, T.Create(0.666666666666667));
        T r = z * p;
        T halfSquare = T.Create(0.5) * f * f;
        T lowPart = T.MultiplyAdd(s, halfSquare + r, k * T.Create(Ln2Lo));
        return k * T.Create(Ln2Hi) - ((halfSquare - lowPart) - f);
    }

    /// <summary>
    /// erfcx(x)·(L + x) as a polynomial in Z = (L − x)/(L + x), for 0 ≤ x ≤ 28: degree 21, fitted relative
    /// error 6.8e-17 after rounding the coefficients (see <see cref="ErfcxScale"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ErfcxNumerator<T>(T z) where T : struct, ILane<T>
    {
        T p = T.MultiplyAdd(T.Create(3.227131784144005e-09), z, T.Create(-1.490396715699329e-08));
        p = T.MultiplyAdd(p, z, T.Create(-1.0296397494415425e-08));
        p = T.MultiplyAdd(p, z, T.Create(1.2738540695049036e-07));
        p = T.MultiplyAdd(p, z, T.Create(8.667466799943592e-08));
        p = T.MultiplyAdd(p, z, T.Create(-8.522279909356253e-07));
        p = T.MultiplyAdd(p, z, T.Create(-1.4314173217233973e-06));
        p = T.MultiplyAdd(p, z, T.Create(4.699262077965546e-06));
        p = T.MultiplyAdd(p, z, T.Create(1.88636825726794e-05));
        p = T.MultiplyAdd(p, z, T.Create(-3.637368094617784e-06));
        p = T.MultiplyAdd(p, z, T.Create(-0.00017681347792436317));
        p = T.MultiplyAdd(p, z, T.Create(-0.0004550520850287462));
        p = T.MultiplyAdd(p, z, T.Create(0.0002809589581115879));
        p = T.MultiplyAdd(p, z, T.Create(0.006112055557500744));
        p = T.MultiplyAdd(p, z, T.Create(0.026370053333114825));
        p = T.MultiplyAdd(p, z, T.Create(0.07638151491851647));
        p = T.MultiplyAdd(p, z, T.Create(0.17401093724020053));
        p = T.MultiplyAdd(p, z, T.Create(0.3308515878775732));
        p = T.MultiplyAdd(p, z, T.Create(0.540853831313232));
        p = T.MultiplyAdd(p, z, T.Create(0.7732087022652453));
        p = T.MultiplyAdd(p, z, T.Create(0.976548729080882));
        return T.MultiplyAdd(p, z, T.Create(1.095995661000491));
    }

    /// <summary>
    /// Scaled complementary error functions erfcx(x1), erfcx(x2) = e^(x²)·erfc(x) of two arguments in
    /// [0, 28] sharing one division: with a = L + x1, b = L + x2 and q = 1/(a·b), 1/a = b·q and 1/b = a·q.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ErfcxPair<T>(T x1, T x2, out T erfcx1, out T erfcx2) where T : struct, ILane<T>
    {
        T scale = T.Create(ErfcxScale);
        T a = scale + x1;
        T b = scale + x2;
        T q = T.Create(1.0) / (a * b);
        T inverseA = b * q;
        T inverseB = a * q;
        erfcx1 = ErfcxNumerator((scale - x1) * inverseA) * inverseA;
        erfcx2 = ErfcxNumerator((scale - x2) * inverseB) * inverseB;
    }

    /// <summary>erfcx(x) for 0 ≤ x ≤ 28.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Erfcx<T>(T x) where T : struct, ILane<T>
    {
        T scale = T.Create(ErfcxScale);
        T inverse = T.Create(1.0) / (scale + x);
        return ErfcxNumerator((scale - x) * inverse) * inverse;
    }

    /// <summary>
    /// Standard normal distribution Φ(x) = ½·e^(−x²/2)·erfcx(|x|/√2) for x ≤ 0 and 1 minus that for x &gt; 0,
    /// so the lower tail keeps its relative accuracy down to the underflow of e^(−x²/2) (x ≈ −37.6).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T NormalCdf<T>(T x) where T : struct, ILane<T>
    {
        T tail = T.Create(0.5) * ExpOrZero(T.Create(-0.5) * x * x) * Erfcx(ClampedErfcxArgument(x));
        return T.Select(T.GreaterThan(x, T.Create(0.0)), T.Create(1.0) - tail, tail);
    }

    /// <summary>min(|d|/√2, 28): the erfcx argument for the normal tail Φ(−|d|).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ClampedErfcxArgument<T>(T d) where T : struct, ILane<T>
        => T.Min(T.Abs(d) * T.Create(InvSqrt2), T.Create(ErfcxMaxArgument));
}
