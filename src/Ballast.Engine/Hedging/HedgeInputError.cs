namespace Ballast.Engine.Hedging;

/// <summary>Why a <see cref="HedgeContext"/> was refused by a hedge policy.</summary>
public enum HedgeInputError
{
    /// <summary>Inputs are valid.</summary>
    None = 0,
    /// <summary>A Greek, position, price or cost is NaN or infinite.</summary>
    NotFinite,
    /// <summary>Spot is zero or negative.</summary>
    NonPositiveSpot,
    /// <summary>Volatility is negative.</summary>
    NegativeVolatility,
    /// <summary>Time since the last hedge is negative (a clock running backwards).</summary>
    NegativeElapsedTime,
    /// <summary>Time to expiry is negative.</summary>
    NegativeTimeToExpiry,
    /// <summary>The proportional cost λ is negative.</summary>
    NegativeCost,
}
