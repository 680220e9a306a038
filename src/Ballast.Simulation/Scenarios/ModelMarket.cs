using Ballast.Simulation.Markets;
using Ballast.Simulation.Randomness;

namespace Ballast.Simulation.Scenarios;

/// <summary>
/// A synthetic market from an <see cref="IPriceModel"/>. The vol oracle reads the model's own instantaneous volatility
/// where it has one (Heston √v, the crash scenario's σ(t)) and <paramref name="ReferenceVolatility"/> otherwise.
/// </summary>
/// <param name="Model">Spot model.</param>
/// <param name="ReferenceVolatility">Volatility reported by the oracle for constant-vol models, per √year, ≥ 0.</param>
public sealed record ModelMarket(IPriceModel Model, double ReferenceVolatility) : IScenarioMarket
{
    /// <inheritdoc />
    public MarketModelError Validate(out string message)
    {
        if (!double.IsFinite(ReferenceVolatility) || ReferenceVolatility < 0)
        {
            message = $"volatility must be >= 0, got {ReferenceVolatility}";
            return MarketModelError.NegativeVolatility;
        }

        return Model.Validate(out message);
    }

    /// <inheritdoc />
    public void Generate(Xoshiro256StarStar rng, double stepYears, Span<double> spots, Span<double> vols)
    {
        switch (Model)
        {
            case HestonModel heston:
                heston.Simulate(rng, stepYears, spots, vols);
                for (int i = 0; i < vols.Length; i++) vols[i] = Math.Sqrt(vols[i]);
                break;
            case CrashScenario crash:
                crash.Simulate(rng, stepYears, spots);
                for (int i = 0; i < vols.Length; i++) vols[i] = crash.VolatilityAt(i * stepYears);
                break;
            default:
                Model.Simulate(rng, stepYears, spots);
                vols.Fill(ReferenceVolatility);
                break;
        }
    }
}
