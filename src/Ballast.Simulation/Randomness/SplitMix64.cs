namespace Ballast.Simulation.Randomness;

/// <summary>
/// SplitMix64 (Steele, Lea &amp; Flood 2014, "Fast splittable pseudorandom number generators", OOPSLA; constants as in
/// Vigna's reference splitmix64.c). Used only to expand a seed into xoshiro state, as Blackman &amp; Vigna recommend.
/// </summary>
public static class SplitMix64
{
    /// <summary>Golden-ratio increment 2⁶⁴/φ of the SplitMix64 sequence.</summary>
    public const ulong Increment = 0x9E3779B97F4A7C15UL;

    /// <summary>Advances <paramref name="state"/> by one step and returns the next 64-bit output.</summary>
    public static ulong Next(ref ulong state)
    {
        state += Increment;
        return Mix(state);
    }

    /// <summary>The SplitMix64 output function (a bijective finaliser of a 64-bit word).</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
