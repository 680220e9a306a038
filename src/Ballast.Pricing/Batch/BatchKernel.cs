using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Ballast.Pricing.Batch;

/// <summary>
/// The price + Greeks kernel shared by <see cref="BatchPricer"/>'s BSM and Black-76 entry points, written once
/// over <see cref="ILane{TSelf}"/> and run with the widest accelerated lane, then one element at a time for the tail.
/// </summary>
/// <remarks>
/// Algebra (Haug 2007 §1.1.6 and §2.1 for the Greeks, as in <see cref="Ballast.Pricing.BlackScholesMerton"/>):
/// with s = σ√T, L = ln(S/K) + (r − q)T, d1 = L/s + s/2, d2 = d1 − s, and the tails written as
/// Φ(−|d|) = ½·e^(−d²/2)·erfcx(|d|/√2), one exponential e1 = e^(−d1²/2) serves the density and both tails,
/// because e^(−d2²/2) = e1·e^L = e1·S·e^(−qT)/(K·e^(−rT)) exactly (d1² − d2² = 2L). So
/// K·e^(−rT)·Φ(−|d2|) = ½·S·e^(−qT)·e1·erfcx(|d2|/√2) needs no second exponential and no division.
/// The two erfcx share one division (<see cref="LaneMath.ErfcxPair{T}"/>), and 1/s and 1/(S·s) come from one
/// division too. Black-76 is the same kernel with S = F and q = r (then e^(−qT) = e^(−rT) is computed once),
/// except that its rho holds F fixed: ρ = −T·V.
/// <para>
/// The work runs in chunks of <see cref="Chunk"/> options and, within a chunk, in four short passes
/// (discount factors; d1, d2; tails; Greeks) that keep intermediates in a stack scratch area. Short loop
/// bodies let the out-of-order core overlap consecutive vectors' long dependency chains (polynomials,
/// divisions), and keep each pass within the JIT's inlining limits, so every lane operation is inlined.
/// </para>
/// </remarks>
internal static class BatchKernel
{
    /// <summary>Options per chunk; the scratch area is <see cref="ScratchRows"/>·Chunk doubles (9 KB) on the stack.</summary>
    private const int Chunk = 128;

    private const int ScratchRows = 9;

    /// <summary>Elements with σ√T outside this range go to the scalar reference path (degenerate limits, NaN).</summary>
    private const double MinTotalVol = 1e-100;

    private const double MaxTotalVol = 1e100;

    /// <summary>Intermediates of one chunk, one row of <see cref="Chunk"/> doubles each.</summary>
    private readonly ref struct Scratch(Span<double> area)
    {
        public Span<double> YieldDiscount { get; } = area.Slice(0 * Chunk, Chunk);

        public Span<double> RateDiscount { get; } = area.Slice(1 * Chunk, Chunk);

        public Span<double> RootTime { get; } = area.Slice(2 * Chunk, Chunk);

        /// <summary>s = σ√T (1 where the element is degenerate and left to the scalar path).</summary>
        public Span<double> TotalVol { get; } = area.Slice(3 * Chunk, Chunk);

        public Span<double> InverseSpotTotalVol { get; } = area.Slice(4 * Chunk, Chunk);

        public Span<double> D1 { get; } = area.Slice(5 * Chunk, Chunk);

        public Span<double> HalfE1 { get; } = area.Slice(6 * Chunk, Chunk);

        public Span<double> Erfcx1 { get; } = area.Slice(7 * Chunk, Chunk);

        public Span<double> Erfcx2 { get; } = area.Slice(8 * Chunk, Chunk);
    }

    /// <summary>Runs the kernel over all elements; the spans' lengths have been checked by the caller.</summary>
    public static void Run(in BlackScholesBatchInputs inputs, in GreeksBatchOutputs outputs, bool black76)
    {
        var scratch = new Scratch(stackalloc double[ScratchRows * Chunk]);
        int length = inputs.Length;
        for (int start = 0; start < length; start += Chunk)
        {
            int count = Math.Min(Chunk, length - start);
            var chunkInputs = new BlackScholesBatchInputs(
                inputs.Types.Slice(start, count), inputs.Spots.Slice(start, count), inputs.Strikes.Slice(start, count),
                inputs.Rates.Slice(start, count), inputs.DividendYields.Slice(start, count), inputs.Times.Slice(start, count),
                inputs.Vols.Slice(start, count));
            var chunkOutputs = new GreeksBatchOutputs(
                outputs.Prices.Slice(start, count), outputs.Deltas.Slice(start, count), outputs.Gammas.Slice(start, count),
                outputs.Vegas.Slice(start, count), outputs.Thetas.Slice(start, count), outputs.Rhos.Slice(start, count));
            RunChunk(chunkInputs, chunkOutputs, scratch, black76);
        }
    }

    private static void RunChunk(in BlackScholesBatchInputs inputs, in GreeksBatchOutputs outputs, in Scratch scratch, bool black76)
    {
        int count = inputs.Length;
        int vectorEnd = 0;
        bool degenerate = false;
        if (Vector512.IsHardwareAccelerated)
        {
            vectorEnd = count - count % Lane512.Width;
            degenerate = RunPasses<Lane512>(inputs, outputs, scratch, black76, 0, vectorEnd);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            vectorEnd = count - count % Lane256.Width;
            degenerate = RunPasses<Lane256>(inputs, outputs, scratch, black76, 0, vectorEnd);
        }

        degenerate |= RunPasses<LaneScalar>(inputs, outputs, scratch, black76, vectorEnd, count);
        if (degenerate)
        {
            ScalarReferenceForDegenerate(inputs, outputs, black76);
        }
    }

    /// <summary>Four passes over [from, to) in steps of the lane width; true when some element needs the scalar path.</summary>
    private static bool RunPasses<T>(in BlackScholesBatchInputs inputs, in GreeksBatchOutputs outputs, in Scratch scratch, bool black76, int from, int to)
        where T : struct, ILane<T>
    {
        if (from >= to) return false;
        DiscountPass<T>(inputs, scratch, black76, from, to);
        bool degenerate = MoneynessPass<T>(inputs, scratch, from, to);
        TailPass<T>(scratch, from, to);
        GreeksPass<T>(inputs, outputs, scratch, black76, from, to);
        return degenerate;
    }

    /// <summary>e^(−qT) and e^(−rT) (one exponential for Black-76, where q = r).</summary>
    private static void DiscountPass<T>(in BlackScholesBatchInputs inputs, in Scratch scratch, bool black76, int from, int to)
        where T : struct, ILane<T>
    {
        ref readonly double rates = ref MemoryMarshal.GetReference(inputs.Rates);
        ref readonly double yields = ref MemoryMarshal.GetReference(inputs.DividendYields);
        ref readonly double times = ref MemoryMarshal.GetReference(inputs.Times);
        ref double yieldDiscounts = ref MemoryMarshal.GetReference(scratch.YieldDiscount);
        ref double rateDiscounts = ref MemoryMarshal.GetReference(scratch.RateDiscount);
        for (int i = from; i < to; i += T.Width)
        {
            nuint at = (nuint)i;
            T time = T.Load(in times, at);
            // Same rounding as the scalar path's Math.Exp(−r·T): negation is exact.
            T rateDiscount = LaneMath.Exp(T.Create(0.0) - T.Load(in rates, at) * time);
            T.Store(rateDiscount, ref rateDiscounts, at);
            T.Store(black76 ? rateDiscount : LaneMath.Exp(T.Create(0.0) - T.Load(in yields, at) * time), ref yieldDiscounts, at);
        }
    }

    /// <summary>d1 and 1/(S·s); returns true when some σ√T is outside the vector path's range.</summary>
    private static bool MoneynessPass<T>(in BlackScholesBatchInputs inputs, in Scratch scratch, int from, int to)
        where T : struct, ILane<T>
    {
        ref readonly double spots = ref MemoryMarshal.GetReference(inputs.Spots);
        ref readonly double strikes = ref MemoryMarshal.GetReference(inputs.Strikes);
        ref readonly double rates = ref MemoryMarshal.GetReference(inputs.Rates);
        ref readonly double yields = ref MemoryMarshal.GetReference(inputs.DividendYields);
        ref readonly double times = ref MemoryMarshal.GetReference(inputs.Times);
        ref readonly double vols = ref MemoryMarshal.GetReference(inputs.Vols);
        ref double rootTimes = ref MemoryMarshal.GetReference(scratch.RootTime);
        ref double totalVols = ref MemoryMarshal.GetReference(scratch.TotalVol);
        ref double inverses = ref MemoryMarshal.GetReference(scratch.InverseSpotTotalVol);
        ref double d1s = ref MemoryMarshal.GetReference(scratch.D1);
        bool degenerate = false;
        for (int i = from; i < to; i += T.Width)
        {
            nuint at = (nuint)i;
            T spot = T.Load(in spots, at);
            T time = T.Load(in times, at);
            T rootTime = T.Sqrt(time);
            T totalVol = T.Load(in vols, at) * rootTime;
            if (!T.AllWithin(totalVol, MinTotalVol, MaxTotalVol))
            {
                // Keep the arithmetic finite in the degenerate lanes only; the scalar path overwrites them afterwards.
                degenerate = true;
                totalVol = T.Select(T.Within(totalVol, MinTotalVol, MaxTotalVol), totalVol, T.Create(1.0));
            }

            // One division gives both 1/(S·s) (gamma) and 1/s = S/(S·s) (d1, theta).
            T inverseSpotTotalVol = T.Create(1.0) / (spot * totalVol);
            T logMoneyness = LaneMath.Log(spot / T.Load(in strikes, at)) + (T.Load(in rates, at) - T.Load(in yields, at)) * time;
            T.Store(T.MultiplyAdd(logMoneyness, spot * inverseSpotTotalVol, T.Create(0.5) * totalVol), ref d1s, at);
            T.Store(inverseSpotTotalVol, ref inverses, at);
            T.Store(rootTime, ref rootTimes, at);
            T.Store(totalVol, ref totalVols, at);
        }

        return degenerate;
    }

    /// <summary>½e^(−d1²/2), erfcx(|d1|/√2) and erfcx(|d2|/√2).</summary>
    private static void TailPass<T>(in Scratch scratch, int from, int to)
        where T : struct, ILane<T>
    {
        ref double d1s = ref MemoryMarshal.GetReference(scratch.D1);
        ref double halfE1s = ref MemoryMarshal.GetReference(scratch.HalfE1);
        ref double erfcx1s = ref MemoryMarshal.GetReference(scratch.Erfcx1);
        ref double erfcx2s = ref MemoryMarshal.GetReference(scratch.Erfcx2);
        ref double totalVols = ref MemoryMarshal.GetReference(scratch.TotalVol);
        for (int i = from; i < to; i += T.Width)
        {
            nuint at = (nuint)i;
            T d1 = T.Load(in d1s, at);
            T d2 = d1 - T.Load(in totalVols, at);
            T.Store(T.Create(0.5) * LaneMath.ExpOrZero(T.Create(-0.5) * d1 * d1), ref halfE1s, at);
            LaneMath.ErfcxPair(LaneMath.ClampedErfcxArgument(d1), LaneMath.ClampedErfcxArgument(d2), out T erfcx1, out T erfcx2);
            T.Store(erfcx1, ref erfcx1s, at);
            T.Store(erfcx2, ref erfcx2s, at);
        }
    }

    /// <summary>Combines the intermediates into price, delta, gamma, vega, theta and rho.</summary>
    private static void GreeksPass<T>(in BlackScholesBatchInputs inputs, in GreeksBatchOutputs outputs, in Scratch scratch, bool black76, int from, int to)
        where T : struct, ILane<T>
    {
        ref readonly OptionType types = ref MemoryMarshal.GetReference(inputs.Types);
        ref readonly double spots = ref MemoryMarshal.GetReference(inputs.Spots);
        ref readonly double strikes = ref MemoryMarshal.GetReference(inputs.Strikes);
        ref readonly double rates = ref MemoryMarshal.GetReference(inputs.Rates);
        ref readonly double yields = ref MemoryMarshal.GetReference(inputs.DividendYields);
        ref readonly double times = ref MemoryMarshal.GetReference(inputs.Times);
        ref readonly double vols = ref MemoryMarshal.GetReference(inputs.Vols);
        ref double yieldDiscounts = ref MemoryMarshal.GetReference(scratch.YieldDiscount);
        ref double rateDiscounts = ref MemoryMarshal.GetReference(scratch.RateDiscount);
        ref double rootTimes = ref MemoryMarshal.GetReference(scratch.RootTime);
        ref double totalVols = ref MemoryMarshal.GetReference(scratch.TotalVol);
        ref double inverses = ref MemoryMarshal.GetReference(scratch.InverseSpotTotalVol);
        ref double d1s = ref MemoryMarshal.GetReference(scratch.D1);
        ref double halfE1s = ref MemoryMarshal.GetReference(scratch.HalfE1);
        ref double erfcx1s = ref MemoryMarshal.GetReference(scratch.Erfcx1);
        ref double erfcx2s = ref MemoryMarshal.GetReference(scratch.Erfcx2);
        ref double prices = ref MemoryMarshal.GetReference(outputs.Prices);
        ref double deltas = ref MemoryMarshal.GetReference(outputs.Deltas);
        ref double gammas = ref MemoryMarshal.GetReference(outputs.Gammas);
        ref double vegas = ref MemoryMarshal.GetReference(outputs.Vegas);
        ref double thetas = ref MemoryMarshal.GetReference(outputs.Thetas);
        ref double rhos = ref MemoryMarshal.GetReference(outputs.Rhos);
        T zero = T.Create(0.0);
        for (int i = from; i < to; i += T.Width)
        {
            nuint at = (nuint)i;
            T sign = T.LoadSign(in types, at);
            T spot = T.Load(in spots, at);
            T time = T.Load(in times, at);
            T vol = T.Load(in vols, at);
            T yieldDiscount = T.Load(in yieldDiscounts, at);
            T inverseSpotTotalVol = T.Load(in inverses, at);
            T d1 = T.Load(in d1s, at);
            T d2 = d1 - T.Load(in totalVols, at);
            T halfE1 = T.Load(in halfE1s, at);
            T spotDiscounted = spot * yieldDiscount;
            T strikeDiscounted = T.Load(in strikes, at) * T.Load(in rateDiscounts, at);

            // Tails: Φ(−|d1|) = ½e1·erfcx1 and K·e^(−rT)·Φ(−|d2|) = S·e^(−qT)·½e1·erfcx2; Φ(ω·d) is the tail
            // when ω·d ≤ 0 and one minus it otherwise.
            T tail1 = halfE1 * T.Load(in erfcx1s, at);
            T strikeTail2 = spotDiscounted * halfE1 * T.Load(in erfcx2s, at);
            T n1 = T.Select(T.GreaterThan(sign * d1, zero), T.Create(1.0) - tail1, tail1);
            T strikeN2 = T.Select(T.GreaterThan(sign * d2, zero), strikeDiscounted - strikeTail2, strikeTail2);
            T spotN1 = spotDiscounted * n1;

            T price = sign * (spotN1 - strikeN2);
            T density = T.Create(2.0 * Normal.InvSqrt2Pi) * halfE1;
            T spotDensity = spotDiscounted * density;
            // Theta = −∂V/∂T = −S e^(−qT) n(d1) σ/(2√T) + ω(q S e^(−qT) Φ(ωd1) − r K e^(−rT) Φ(ωd2)), with σ/√T = σ²/s.
            T decay = T.Create(0.5) * spotDensity * vol * vol * (spot * inverseSpotTotalVol);
            T theta = sign * (T.Load(in yields, at) * spotN1 - T.Load(in rates, at) * strikeN2) - decay;

            T.Store(price, ref prices, at);
            T.Store(sign * yieldDiscount * n1, ref deltas, at);
            T.Store(yieldDiscount * density * inverseSpotTotalVol, ref gammas, at);
            T.Store(spotDensity * T.Load(in rootTimes, at), ref vegas, at);
            T.Store(theta, ref thetas, at);
            T.Store(black76 ? zero - time * price : sign * strikeN2 * time, ref rhos, at);
        }
    }

    /// <summary>Degenerate or non-finite total volatility: the scalar reference formulas, element by element.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ScalarReferenceForDegenerate(in BlackScholesBatchInputs inputs, in GreeksBatchOutputs outputs, bool black76)
    {
        for (int i = 0; i < inputs.Length; i++)
        {
            double totalVol = inputs.Vols[i] * Math.Sqrt(inputs.Times[i]);
            if (totalVol >= MinTotalVol && totalVol <= MaxTotalVol) continue;
            OptionGreeks g = black76
                ? Ballast.Pricing.Black76.Greeks(inputs.Types[i], inputs.Spots[i], inputs.Strikes[i], inputs.Rates[i], inputs.Times[i], inputs.Vols[i])
                : BlackScholesMerton.Greeks(inputs.Types[i], inputs.Spots[i], inputs.Strikes[i], inputs.Rates[i], inputs.DividendYields[i], inputs.Times[i], inputs.Vols[i]);
            outputs.Prices[i] = g.Price;
            outputs.Deltas[i] = g.Delta;
            outputs.Gammas[i] = g.Gamma;
            outputs.Vegas[i] = g.Vega;
            outputs.Thetas[i] = g.Theta;
            outputs.Rhos[i] = g.Rho;
        }
    }
}
