using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Ballast.Pricing.Batch;

/// <summary>Eight doubles in a <see cref="Vector512{T}"/> (AVX-512F on x64).</summary>
internal readonly struct Lane512(Vector512<double> value) : ILane<Lane512>
{
    private readonly Vector512<double> _value = value;

    public static int Width
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector512<double>.Count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 Create(double value) => new(Vector512.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 Load(ref readonly double source, nuint offset) => new(Vector512.LoadUnsafe(in source, offset));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lane512 value, ref double destination, nuint offset) => value._value.StoreUnsafe(ref destination, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 LoadSign(ref readonly OptionType source, nuint offset)
    {
        // OptionType is an int enum: widen 8 ints to 8 longs, compare with Call (0), pick ±1.
        var types = Vector256.LoadUnsafe(in Unsafe.As<OptionType, int>(ref Unsafe.AsRef(in source)), offset);
        var isCall = Vector512.Equals(Vector512.WidenLower(types.ToVector512Unsafe()), Vector512<long>.Zero).AsDouble();
        return new(Vector512.ConditionalSelect(isCall, Vector512<double>.One, Vector512.Create(-1.0)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 operator +(Lane512 a, Lane512 b) => new(a._value + b._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 operator -(Lane512 a, Lane512 b) => new(a._value - b._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 operator *(Lane512 a, Lane512 b) => new(a._value * b._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 operator /(Lane512 a, Lane512 b) => new(a._value / b._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 MultiplyAdd(Lane512 a, Lane512 b, Lane512 c) => new(Vector512.FusedMultiplyAdd(a._value, b._value, c._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 Sqrt(Lane512 x) => new(Vector512.Sqrt(x._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 Abs(Lane512 x) => new(Vector512.Abs(x._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 Min(Lane512 a, Lane512 b) => new(Vector512.MinNative(a._value, b._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 Max(Lane512 a, Lane512 b) => new(Vector512.MaxNative(a._value, b._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 GreaterThan(Lane512 a, Lane512 b) => new(Vector512.GreaterThan(a._value, b._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 Select(Lane512 mask, Lane512 ifTrue, Lane512 ifFalse) => new(Vector512.ConditionalSelect(mask._value, ifTrue._value, ifFalse._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 Within(Lane512 x, double lower, double upper)
        => new(Vector512.GreaterThanOrEqual(x._value, Vector512.Create(lower)) & Vector512.LessThanOrEqual(x._value, Vector512.Create(upper)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllWithin(Lane512 x, double lower, double upper)
        => Vector512.GreaterThanOrEqualAll(x._value, Vector512.Create(lower)) && Vector512.LessThanOrEqualAll(x._value, Vector512.Create(upper));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 PowerOfTwoFromShifted(Lane512 t)
        => new(Vector512.ShiftLeft(t._value.AsInt64() + Vector512.Create(LaneBits.ShiftedToBiasedExponent), 52).AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 BiasedExponent(Lane512 x)
        => new((Vector512.ShiftRightLogical(x._value.AsInt64(), 52) | Vector512.Create(LaneBits.TwoPow52Bits)).AsDouble() - Vector512.Create(LaneBits.TwoPow52));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 Significand(Lane512 x)
        => new(((x._value.AsInt64() & Vector512.Create(LaneBits.SignificandMask)) | Vector512.Create(LaneBits.OneBits)).AsDouble());
}
