namespace Ballast.Simulation.Hedging;

/// <summary>Why <see cref="HedgingEffectivenessSettings"/> were refused.</summary>
public enum HedgingEffectivenessError
{
    /// <summary>Valid.</summary>
    None = 0,
    /// <summary>A number is NaN or infinite.</summary>
    NotFinite,
    /// <summary>A count, price, time or list is out of range (non-positive paths, empty strike list, ...).</summary>
    OutOfRange,
    /// <summary>A hedge-policy parameter set is invalid.</summary>
    InvalidPolicy,
    /// <summary>The simulated venue settings are invalid.</summary>
    InvalidVenue,
}
