using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Ballast.Pricing.Batch;

/// <summary>
/// Element-wise exp, log and standard normal CDF over spans with the batch pricers' own SIMD functions
/// (the same code <see cref="BatchPricer"/> runs), for callers with their own batch formulas and for testing.
/// </summary>
public static class SimdMath
{
    /// <summary>destination[i] = e^x[i], about 1 ulp; x is clamped to [−708.39, 709] (results in [2.24e-308, 8.2e307]).</summary>
    /// <param name="x">Exponents.</param>
    /// <param name="destination">Receives the results; same length as <paramref name="x"/>.</param>
    /// <exception cref="ArgumentException">Lengths differ.</exception>
    public static void Exp(ReadOnlySpan<double> x, Span<double> destination) => Apply<ExpFunction>(x, destination);

    /// <summary>destination[i] = ln x[i] for positive normal finite x, about 1 ulp (other inputs: unspecified result).</summary>
    /// <param name="x">Arguments &gt; 0.</param>
    /// <param name="destination">Receives the results; same length as <paramref name="x"/>.</param>
    /// <exception cref="ArgumentException">Lengths differ.</exception>
    public static void Log(ReadOnlySpan<double> x, Span<double> destination) => Apply<LogFunction>(x, destination);

    /// <summary>destination[i] = Φ(x[i]), relative accuracy about 1e-15·(1 + x²/2) in the lower tail, 0 below x ≈ −37.6.</summary>
    /// <param name="x">Arguments.</param>
    /// <param name="destination">Receives the results; same length as <paramref name="x"/>.</param>
    /// <exception cref="ArgumentException">Lengths differ.</exception>
    public static void NormalCdf(ReadOnlySpan<double> x, Span<double> destination) => Apply<CdfFunction>(x, destination);

    private interface ILaneFunction
    {
        static abstract T Evaluate<T>(T x) where T : struct, ILane<T>;
    }

    private readonly struct ExpFunction : ILaneFunction
    {
        public static T Evaluate<T>(T x) where T : struct, ILane<T> => LaneMath.Exp(x);
    }

    private readonly struct LogFunction : ILaneFunction
    {
        public static T Evaluate<T>(T x) where T : struct, ILane<T> => LaneMath.Log(x);
    }

    private readonly struct CdfFunction : ILaneFunction
    {
        public static T Evaluate<T>(T x) where T : struct, ILane<T> => LaneMath.NormalCdf(x);
    }

    private static void Apply<TFunction>(ReadOnlySpan<double> x, Span<double> destination) where TFunction : ILaneFunction
    {
        if (x.Length != destination.Length)
        {
            throw new ArgumentException($"destination length {destination.Length} differs from input length {x.Length}", nameof(destination));
        }

        int done = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            done = ApplyLanes<TFunction, Lane512>(x, destination, 0);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            done = ApplyLanes<TFunction, Lane256>(x, destination, 0);
        }

        ApplyLanes<TFunction, LaneScalar>(x, destination, done);
    }

    private static int ApplyLanes<TFunction, T>(ReadOnlySpan<double> x, Span<double> destination, int start)
        where TFunction : ILaneFunction
        where T : struct, ILane<T>
    {
        ref readonly double source = ref MemoryMarshal.GetReference(x);
        ref double target = ref MemoryMarshal.GetReference(destination);
        int i = start;
        for (; i + T.Width <= x.Length; i += T.Width)
        {
            T.Store(TFunction.Evaluate(T.Load(in source, (nuint)i)), ref target, (nuint)i);
        }

        return i;
    }
}
