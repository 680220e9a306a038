using Ballast.Simulation.Markets;
using Ballast.Simulation.Randomness;

namespace Ballast.Simulation.Scenarios;

/// <summary>
/// Where a scenario's spot and volatility oracle come from: a seeded model or a replay of real data. The runner turns
/// each point into an engine <c>UpdateSpot</c> (and periodically <c>UpdateVol</c>) command.
/// </summary>
public interface IScenarioMarket
{
    /// <summary>Checks the parameters; <paramref name="message"/> names the bad one.</summary>
    MarketModelError Validate(out string message);

    /// <summary>Fills one path: <paramref name="spots"/> (quote units) and the market's volatility <paramref name="vols"/> (per √year), same length.</summary>
    /// <param name="rng">This path's market stream; it must draw the same count of numbers for the same parameters.</param>
    /// <param name="stepYears">Step length, years.</param>
    /// <param name="spots">Output spot path, index = step.</param>
    /// <param name="vols">Output volatility path, index = step.</param>
    void Generate(Xoshiro256StarStar rng, double stepYears, Span<double> spots, Span<double> vols);
}
