namespace Ballast.Simulation.Randomness;

/// <summary>
/// xoshiro256** 1.0 (Blackman &amp; Vigna 2018/2021, "Scrambled linear pseudorandom number generators", ACM TOMS 47(4)):
/// a small, fast 256-bit-state generator. Ballast uses one instance per Monte-Carlo path, created by
/// <see cref="ForPath"/> from (seed, path index), so results never depend on which thread ran the path.
/// Not thread-safe; not cryptographic.
/// </summary>
public sealed class Xoshiro256StarStar
{
    private const double TwoPowMinus53 = 1.0 / (1UL << 53);

    private ulong _s0, _s1, _s2, _s3;
    private double _spareNormal;
    private bool _hasSpareNormal;

    /// <summary>Seeds the 256-bit state with four SplitMix64 outputs of <paramref name="seed"/> (never all zero).</summary>
    public Xoshiro256StarStar(ulong seed)
    {
        ulong sm = seed;
        _s0 = SplitMix64.Next(ref sm);
        _s1 = SplitMix64.Next(ref sm);
        _s2 = SplitMix64.Next(ref sm);
        _s3 = SplitMix64.Next(ref sm);
        if ((_s0 | _s1 | _s2 | _s3) == 0) _s0 = SplitMix64.Increment;
    }

    private Xoshiro256StarStar(ulong s0, ulong s1, ulong s2, ulong s3) => (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);

    /// <summary>A generator with an explicit state, for checking against the reference implementation's outputs.</summary>
    internal static Xoshiro256StarStar FromState(ulong s0, ulong s1, ulong s2, ulong s3) => new(s0, s1, s2, s3);

    /// <summary>
    /// The generator of path <paramref name="pathIndex"/> of a run seeded with <paramref name="seed"/>: the two are
    /// hashed separately through the SplitMix64 finaliser so that neighbouring seeds and paths give unrelated streams.
    /// </summary>
    public static Xoshiro256StarStar ForPath(ulong seed, long pathIndex)
        => new(SplitMix64.Mix(seed) ^ SplitMix64.Mix(unchecked((ulong)pathIndex + 0xD1B54A32D192ED03UL)));

    /// <summary>Next 64 uniformly distributed bits.</summary>
    public ulong NextUInt64()
    {
        // xoshiro256** step: output = rotl(s1·5, 7)·9, then the xor-shift-rotate state transition.
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * TwoPowMinus53;

    /// <summary>Uniform double in (0, 1): never 0, safe for logarithms.</summary>
    public double NextOpenDouble() => ((NextUInt64() >> 11) + 0.5) * TwoPowMinus53;

    /// <summary>
    /// Standard normal N(0, 1) by Marsaglia's polar method (Marsaglia &amp; Bray 1964); each accepted pair yields
    /// two variates, the second cached for the next call.
    /// </summary>
    public double NextGaussian()
    {
        if (_hasSpareNormal)
        {
            _hasSpareNormal = false;
            return _spareNormal;
        }

        double u, v, s;
        do
        {
            u = 2.0 * NextDouble() - 1.0;
            v = 2.0 * NextDouble() - 1.0;
            s = u * u + v * v;
        }
        while (s >= 1.0 || s == 0.0);

        double factor = Math.Sqrt(-2.0 * Math.Log(s) / s);
        _spareNormal = v * factor;
        _hasSpareNormal = true;
        return u * factor;
    }

    /// <summary>
    /// Poisson(<paramref name="mean"/>) count. Knuth's product-of-uniforms method for mean ≤ 30 (exact, O(mean));
    /// larger means are split in halves, using that a sum of independent Poissons is Poisson.
    /// </summary>
    public int NextPoisson(double mean)
    {
        if (!(mean >= 0) || double.IsInfinity(mean)) throw new ArgumentOutOfRangeException(nameof(mean), mean, "Poisson mean must be finite and >= 0");
        if (mean > 30) return NextPoisson(mean / 2) + NextPoisson(mean / 2);
        double limit = Math.Exp(-mean), product = NextDouble();
        int count = 0;
        while (product >= limit && product > 0)
        {
            count++;
            product *= NextDouble();
        }

        return count;
    }
}
