namespace Ballast.Engine.Volatility;

/// <summary>Outcome of <see cref="GwavOracle.TryAverage"/>.</summary>
public enum GwavQueryStatus
{
    /// <summary>The average is exact (up to floating point) under the GWAV definition.</summary>
    Exact = 0,
    /// <summary>The period starts inside history that was thinned to respect the capacity; the part of the period
    /// inside a thinned gap is averaged at that gap's geometric mean.</summary>
    Approximate,
    /// <summary>No observation yet; the average is 0 and must not be used.</summary>
    Empty,
    /// <summary>The period ends before it starts; the average is 0 and must not be used.</summary>
    InvalidPeriod,
}
