namespace Ballast.Simulation.Markets;

/// <summary>Why a market model refused its parameters.</summary>
public enum MarketModelError
{
    /// <summary>Parameters are valid.</summary>
    None = 0,

    /// <summary>A parameter is NaN or infinite.</summary>
    NotFinite,

    /// <summary>The initial spot is zero or negative.</summary>
    NonPositiveSpot,

    /// <summary>A volatility (or vol-of-vol, jump size deviation) is negative.</summary>
    NegativeVolatility,

    /// <summary>An initial or long-run variance is negative.</summary>
    NegativeVariance,

    /// <summary>A mean-reversion speed or jump intensity is negative.</summary>
    NegativeRate,

    /// <summary>The correlation is outside [−1, 1].</summary>
    CorrelationOutOfRange,

    /// <summary>A scenario setting (crash size, timing, duration) is out of its range.</summary>
    InvalidScenario,

    /// <summary>The time step is not positive.</summary>
    NonPositiveTimeStep,
}
