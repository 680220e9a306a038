using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Ballast.Pricing.Batch;

/// <summary>Four doubles in a <see cref="Vector256{T}"/> (AVX2 + FMA on x64).</summary>
internal readonly struct Lane256(Vector256<double> value) : ILane<Lane256>
{
    private readonly Vector256<double> _value = value;

    public static int Width
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector256<double>.Count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 Create(double value) => new(Vector256.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 Load(ref readonly double source, nuint offset) => new(Vector256.LoadUnsafe(in source, offset));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lane256 value, ref double destination, nuint offset) => value._value.StoreUnsafe(ref destination, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 LoadSign(ref readonly OptionType source, nuint offset)
    {
        // OptionType is an int enum: widen 4 ints to 4 longs, compare with Call (0), pick ±1.
        var types = Vector128.LoadUnsafe(in Unsafe.As<OptionType, int>(ref Unsafe.AsRef(in source)), offset);
        var isCall = Vector256.Equals(Vector256.WidenLower(types.ToVector256Unsafe()), Vector256<long>.Zero).AsDouble();
        return new(Vector256.ConditionalSelect(isCall, Vector256<double>.One, Vector256.Create(-1.0)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 operator +(Lane256 a, Lane256 b) => new(a._value + b._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 operator -(Lane256 a, Lane256 b) => new(a._value - b._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 operator *(Lane256 a, Lane256 b) => new(a._value * b._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 operator /(Lane256 a, Lane256 b) => new(a._value / b._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 MultiplyAdd(Lane256 a, Lane256 b, Lane256 c) => new(Vector256.FusedMultiplyAdd(a._value, b._value, c._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 Sqrt(Lane256 x) => new(Vector256.Sqrt(x._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 Abs(Lane256 x) => new(Vector256.Abs(x._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 Min(Lane256 a, Lane256 b) => new(Vector256.MinNative(a._value, b._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 Max(Lane256 a, Lane256 b) => new(Vector256.MaxNative(a._value, b._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 GreaterThan(Lane256 a, Lane256 b) => new(Vector256.GreaterThan(a._value, b._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 Select(Lane256 mask, Lane256 ifTrue, Lane256 ifFalse) => new(Vector256.ConditionalSelect(mask._value, ifTrue._value, ifFalse._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 Within(Lane256 x, double lower, double upper)
        => new(Vector256.GreaterThanOrEqual(x._value, Vector256.Create(lower)) & Vector256.LessThanOrEqual(x._value, Vector256.Create(upper)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllWithin(Lane256 x, double lower, double upper)
        => Vector256.GreaterThanOrEqualAll(x._value, Vector256.Create(lower)) && Vector256.LessThanOrEqualAll(x._value, Vector256.Create(upper));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 PowerOfTwoFromShifted(Lane256 t)
        => new(Vector256.ShiftLeft(t._value.AsInt64() + Vector256.Create(LaneBits.ShiftedToBiasedExponent), 52).AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 BiasedExponent(Lane256 x)
        => new((Vector256.ShiftRightLogical(x._value.AsInt64(), 52) | Vector256.Create(LaneBits.TwoPow52Bits)).AsDouble() - Vector256.Create(LaneBits.TwoPow52));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 Significand(Lane256 x)
        => new(((x._value.AsInt64() & Vector256.Create(LaneBits.SignificandMask)) | Vector256.Create(LaneBits.OneBits)).AsDouble());
}
