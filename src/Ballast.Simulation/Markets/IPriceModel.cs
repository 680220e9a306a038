using Ballast.Simulation.Randomness;

namespace Ballast.Simulation.Markets;

/// <summary>
/// A seeded generator of spot paths. Time is in years; <c>spots[0]</c> is the initial spot and <c>spots[i]</c> the
/// spot after i steps of length <c>stepYears</c>. Implementations draw only from the generator they are given.
/// </summary>
public interface IPriceModel
{
    /// <summary>Checks the parameters; <paramref name="message"/> names the bad one.</summary>
    MarketModelError Validate(out string message);

    /// <summary>Fills <paramref name="spots"/> with one path (parameters must have passed <see cref="Validate"/>).</summary>
    /// <param name="rng">This path's random stream.</param>
    /// <param name="stepYears">Step length in years, &gt; 0.</param>
    /// <param name="spots">Output, length = steps + 1, in price units.</param>
    void Simulate(Xoshiro256StarStar rng, double stepYears, Span<double> spots);
}
