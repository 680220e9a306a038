namespace Ballast.Engine.Pool;

/// <summary>Why <see cref="NavCalculator.Compute"/> refused its inputs.</summary>
public enum NavInputError
{
    /// <summary>Inputs accepted.</summary>
    None = 0,
    /// <summary>A balance, settlement or queued amount is negative.</summary>
    NegativeBalance,
    /// <summary>Spot is zero or negative.</summary>
    NonPositiveSpot,
    /// <summary>A product or sum does not fit in a decimal (absurd input).</summary>
    Overflow,
}
