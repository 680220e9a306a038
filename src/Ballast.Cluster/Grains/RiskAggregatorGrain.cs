using Ballast.Cluster.Contracts;

namespace Ballast.Cluster.Grains;

/// <summary>Keeps the latest exposure per vault and sums it; fans oracle spot updates out to the vaults (see <see cref="IRiskAggregatorGrain"/>).</summary>
public sealed class RiskAggregatorGrain : Grain, IRiskAggregatorGrain
{
    /// <summary>Key of the one global aggregator.</summary>
    public const string GlobalKey = "global";

    private readonly SortedDictionary<string, VaultExposure> _latest = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task Report(VaultExposure exposure)
    {
        ArgumentNullException.ThrowIfNull(exposure);
        if (!_latest.TryGetValue(exposure.VaultId, out var held) || held.StateVersion <= exposure.StateVersion) _latest[exposure.VaultId] = exposure;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<RiskTotals> Totals()
    {
        // Summed in vault-id order so the same reports always give the same doubles.
        double delta = 0, gamma = 0, vega = 0, standardVega = 0, theta = 0, value = 0;
        foreach (var e in _latest.Values)
        {
            delta += e.Delta;
            gamma += e.Gamma;
            vega += e.Vega;
            standardVega += e.StandardVega;
            theta += e.Theta;
            value += e.Value;
        }

        return Task.FromResult(new RiskTotals(_latest.Count, delta, gamma, vega, standardVega, theta, value));
    }

    /// <inheritdoc />
    public async Task<int> BroadcastSpot(string oracle, double spot, long observedAt)
    {
        var update = new PostSpot(oracle, spot, observedAt);
        var replies = await Task.WhenAll(_latest.Keys.Select(id => GrainFactory.GetGrain<IVaultGrain>(id).Submit(update)));
        return replies.Count(r => r.Succeeded);
    }
}
