namespace Ballast.Engine.Pool;

/// <summary>Why <see cref="LiquidityCalculator.Compute"/> refused its inputs.</summary>
public enum LiquidityInputError
{
    /// <summary>Inputs accepted.</summary>
    None = 0,
    /// <summary>An amount is negative.</summary>
    NegativeAmount,
    /// <summary>Spot is zero or negative.</summary>
    NonPositiveSpot,
}
