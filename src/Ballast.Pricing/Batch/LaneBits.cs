namespace Ballast.Pricing.Batch;

/// <summary>IEEE-754 binary64 bit patterns shared by the lane implementations.</summary>
internal static class LaneBits
{
    /// <summary>1.5·2^52: adding it to |y| &lt; 2^51 rounds y to the nearest integer n, held in the low significand bits.</summary>
    public const double Shifter = 6755399441055744.0;

    /// <summary>Added to the bits of (n + <see cref="Shifter"/>) gives n + 1023, the biased exponent of 2^n.</summary>
    public const long ShiftedToBiasedExponent = 1023L - 0x4338000000000000L;

    /// <summary>2^52; its bit pattern OR a small integer e is the double 2^52 + e.</summary>
    public const double TwoPow52 = 4503599627370496.0;

    /// <summary>Bit pattern of 2^52.</summary>
    public const long TwoPow52Bits = 0x4330000000000000L;

    /// <summary>The 52 fraction bits of a double.</summary>
    public const long SignificandMask = 0x000FFFFFFFFFFFFFL;

    /// <summary>Bit pattern of 1.0 (exponent field 1023, fraction 0).</summary>
    public const long OneBits = 0x3FF0000000000000L;
}
