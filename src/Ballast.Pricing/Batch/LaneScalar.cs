using System.Runtime.CompilerServices;

namespace Ballast.Pricing.Batch;

/// <summary>
/// A single double behind the <see cref="ILane{TSelf}"/> interface: the scalar tail of every batch and the
/// fallback where no SIMD is available. Same operations as the vector lanes, so it gives the same bits.
/// </summary>
internal readonly struct LaneScalar(double value) : ILane<LaneScalar>
{
    private readonly double _value = value;

    public static int Width
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneScalar Create(double value) => new(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneScalar Load(ref readonly double source, nuint offset) => new(Unsafe.Add(ref Unsafe.AsRef(in source), offset));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(LaneScalar value, ref double destination, nuint offset) => Unsafe.Add(ref destination, offset) = value._value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneScalar LoadSign(ref readonly OptionType source, nuint offset)
        => new(Unsafe.Add(ref Unsafe.AsRef(in source), offset) == OptionType.Call ? 1.0 : -1.0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneScalar operator +(LaneScalar a, LaneScalar b) => new(a._value + b._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneScalar operator -(LaneScalar a, LaneScalar b) => new(a._value - b._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneScalar operator *(LaneScalar a, LaneScalar b) => new(a._value * b._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneScalar operator /(LaneScalar a, LaneScalar b) => new(a._value / b._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneScalar MultiplyAdd(LaneScalar a, LaneScalar b, LaneScalar c) => new(Math.FusedMultiplyAdd(a._value, b._value, c._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneScalar Sqrt(LaneScalar x) => new(Math.Sqrt(x._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneScalar Abs(LaneScalar x) => new(Math.Abs(x._value));

    // Same operand order as minpd/maxpd (second operand returned when unordered) so NaNs behave alike.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneScalar Min(LaneScalar a, LaneScalar b) => new(a._value < b._value ? a._value : b._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneScalar Max(LaneScalar a, LaneScalar b) => new(a._value > b._value ? a._value : b._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneScalar GreaterThan(LaneScalar a, LaneScalar b) => new(a._value > b._value ? AllBitsSet : 0.0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneScalar Select(LaneScalar mask, LaneScalar ifTrue, LaneScalar ifFalse)
        => new(BitConverter.DoubleToInt64Bits(mask._value) != 0 ? ifTrue._value : ifFalse._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneScalar Within(LaneScalar x, double lower, double upper)
        => new(x._value >= lower && x._value <= upper ? AllBitsSet : 0.0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllWithin(LaneScalar x, double lower, double upper) => x._value >= lower && x._value <= upper;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneScalar PowerOfTwoFromShifted(LaneScalar t)
        => new(BitConverter.Int64BitsToDouble((BitConverter.DoubleToInt64Bits(t._value) + LaneBits.ShiftedToBiasedExponent) << 52));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneScalar BiasedExponent(LaneScalar x)
        => new((double)(BitConverter.DoubleToInt64Bits(x._value) >>> 52));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneScalar Significand(LaneScalar x)
        => new(BitConverter.Int64BitsToDouble((BitConverter.DoubleToInt64Bits(x._value) & LaneBits.SignificandMask) | LaneBits.OneBits));

    private static double AllBitsSet => BitConverter.Int64BitsToDouble(-1L);
}
