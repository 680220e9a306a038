namespace Ballast.Cluster.Contracts;

/// <summary>
/// Global risk across vaults: each vault grain reports its aggregate Greeks when they changed (coalesced, at most
/// every <see cref="Grains.VaultGrain.RiskReportPeriod"/>); oracle spot updates fan out from here to every vault that
/// has reported. One activation, key <see cref="Grains.RiskAggregatorGrain.GlobalKey"/>. Its state is a cache that the
/// vaults rebuild by reporting (on activation and after changes), so it needs no storage of its own.
/// </summary>
public interface IRiskAggregatorGrain : IGrainWithStringKey
{
    /// <summary>A vault's latest exposure; an older state version than the one held is ignored.</summary>
    [Orleans.Concurrency.OneWay]
    Task Report(VaultExposure exposure);

    /// <summary>Sums over every vault that has reported.</summary>
    Task<RiskTotals> Totals();

    /// <summary>Sends a spot update to every known vault; returns how many accepted it.</summary>
    Task<int> BroadcastSpot(string oracle, double spot, long observedAt);
}

/// <summary>One vault's aggregate Greeks (the engine's global <c>GreekExposure</c>, vault's side).</summary>
/// <param name="VaultId">The vault.</param>
/// <param name="StateVersion">State version the figures belong to.</param>
/// <param name="Delta">Net delta, units of underlying.</param>
/// <param name="Gamma">Net gamma, per unit of underlying per quote unit of spot.</param>
/// <param name="Vega">Net vega, quote units per 1.00 of vol.</param>
/// <param name="StandardVega">Net standard vega (vega × sqrt(30/days), days ≥ 7).</param>
/// <param name="Theta">Net theta, quote units per year.</param>
/// <param name="Value">Model value of the options book, quote units.</param>
[GenerateSerializer, Immutable]
public sealed record VaultExposure(
    [property: Id(0)] string VaultId, [property: Id(1)] long StateVersion, [property: Id(2)] double Delta, [property: Id(3)] double Gamma,
    [property: Id(4)] double Vega, [property: Id(5)] double StandardVega, [property: Id(6)] double Theta, [property: Id(7)] double Value);

/// <summary>Exposure summed across vaults (same units as <see cref="VaultExposure"/>).</summary>
/// <param name="Vaults">Vaults that have reported.</param>
/// <param name="Delta">Sum of net deltas.</param>
/// <param name="Gamma">Sum of net gammas.</param>
/// <param name="Vega">Sum of net vegas.</param>
/// <param name="StandardVega">Sum of net standard vegas.</param>
/// <param name="Theta">Sum of net thetas.</param>
/// <param name="Value">Sum of book values.</param>
[GenerateSerializer, Immutable]
public sealed record RiskTotals(
    [property: Id(0)] int Vaults, [property: Id(1)] double Delta, [property: Id(2)] double Gamma, [property: Id(3)] double Vega,
    [property: Id(4)] double StandardVega, [property: Id(5)] double Theta, [property: Id(6)] double Value);
