namespace Ballast.Pricing.Batch;

/// <summary>
/// One register's worth of doubles — a <c>Vector512</c>, a <c>Vector256</c>, or a single double — so that the
/// batch kernels (<see cref="LaneMath"/>, <see cref="BatchKernel"/>) are written once and the JIT specialises
/// them per width. Every operation is exactly rounded IEEE arithmetic (FMA fused), so all widths give
/// bit-identical results for the same element.
/// </summary>
/// <typeparam name="TSelf">The implementing lane type.</typeparam>
internal interface ILane<TSelf> where TSelf : struct, ILane<TSelf>
{
    /// <summary>Number of doubles in one lane.</summary>
    static abstract int Width { get; }

    static abstract TSelf Create(double value);

    static abstract TSelf Load(ref readonly double source, nuint offset);

    static abstract void Store(TSelf value, ref double destination, nuint offset);

    /// <summary>+1 for <see cref="OptionType.Call"/>, −1 otherwise.</summary>
    static abstract TSelf LoadSign(ref readonly OptionType source, nuint offset);

    static abstract TSelf operator +(TSelf a, TSelf b);

    static abstract TSelf operator -(TSelf a, TSelf b);

    static abstract TSelf operator *(TSelf a, TSelf b);

    static abstract TSelf operator /(TSelf a, TSelf b);

    /// <summary>a·b + c with a single rounding.</summary>
    static abstract TSelf MultiplyAdd(TSelf a, TSelf b, TSelf c);

    static abstract TSelf Sqrt(TSelf x);

    static abstract TSelf Abs(TSelf x);

    static abstract TSelf Min(TSelf a, TSelf b);

    static abstract TSelf Max(TSelf a, TSelf b);

    /// <summary>All bits set where a &gt; b, zero elsewhere.</summary>
    static abstract TSelf GreaterThan(TSelf a, TSelf b);

    /// <summary>ifTrue where the mask is set, ifFalse elsewhere.</summary>
    static abstract TSelf Select(TSelf mask, TSelf ifTrue, TSelf ifFalse);

    /// <summary>All bits set where lower ≤ x ≤ upper, zero elsewhere (and for NaN).</summary>
    static abstract TSelf Within(TSelf x, double lower, double upper);

    /// <summary>True when every element x satisfies lower ≤ x ≤ upper (false for NaN).</summary>
    static abstract bool AllWithin(TSelf x, double lower, double upper);

    /// <summary>2^n from t = n + 1.5·2^52 (the "shifter" sum, whose low significand bits hold n), for −1022 ≤ n ≤ 1023.</summary>
    static abstract TSelf PowerOfTwoFromShifted(TSelf t);

    /// <summary>The biased binary exponent field of positive normal x, as a double (1023 for x in [1, 2)).</summary>
    static abstract TSelf BiasedExponent(TSelf x);

    /// <summary>x with its exponent field replaced by 1023, i.e. its significand in [1, 2).</summary>
    static abstract TSelf Significand(TSelf x);
}
