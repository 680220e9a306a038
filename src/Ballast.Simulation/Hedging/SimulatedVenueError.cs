namespace Ballast.Simulation.Hedging;

/// <summary>Why <see cref="SimulatedVenueSettings"/> were refused.</summary>
public enum SimulatedVenueError
{
    /// <summary>Valid.</summary>
    None = 0,
    /// <summary>A number is NaN or infinite.</summary>
    NotFinite,
    /// <summary>A number is outside its range (negative, probability above 1, empty id, invalid depth).</summary>
    OutOfRange,
    /// <summary>The funding model's parameters are invalid.</summary>
    InvalidFundingModel,
}
