using Ballast.Cluster.Contracts;
using Ballast.Cluster.Grains;

namespace Ballast.Cluster.Tests;

/// <summary>Global risk across vault grains and oracle fan-out, on a cluster of its own (the aggregator sums every vault).</summary>
public sealed class RiskAggregatorTests(VaultCluster cluster) : IClassFixture<VaultCluster>
{
    private long Now => cluster.Clock.UnixSeconds;

    private IRiskAggregatorGrain Aggregator => cluster.Client.GetGrain<IRiskAggregatorGrain>(RiskAggregatorGrain.GlobalKey);

    [Fact]
    public async Task Global_exposure_is_the_sum_of_every_vaults_engine_exposure_and_a_spot_update_reaches_every_vault()
    {
        var sent = new SortedDictionary<string, List<VaultCommand>>(StringComparer.Ordinal);
        for (int v = 0; v < 3; v++)
        {
            string id = $"risk-{v}";
            var vault = cluster.Vault(id);
            sent[id] = [.. Markets.Setup(), .. Enumerable.Range(0, 4 + 3 * v).Select(i => Markets.Trade(Now, i))];
            foreach (var command in sent[id]) Assert.True((await vault.Submit(command)).Succeeded);
        }

        var expected = Sum(sent.Values.Select(c => Markets.Direct(c, Now)));
        var totals = await WaitForTotalsAsync(expected);
        int reached = await Aggregator.BroadcastSpot("oracle", 3100, Now);

        Assert.Equal(expected, totals);
        Assert.Equal(3, reached);
        foreach (var (id, commands) in sent)
        {
            commands.Add(new PostSpot("oracle", 3100, Now));
            Assert.Equal(Markets.Direct(commands, Now).StateHash(), (await cluster.Vault(id).Status()).StateHash);
        }
    }

    private static RiskTotals Sum(IEnumerable<Engine.State.VaultState> states)
    {
        var t = new RiskTotals(0, 0, 0, 0, 0, 0, 0);
        foreach (var s in states)
        {
            var e = s.Exposure;
            t = new RiskTotals(t.Vaults + 1, t.Delta + e.Delta, t.Gamma + e.Gamma, t.Vega + e.Vega, t.StandardVega + e.StandardVega, t.Theta + e.Theta, t.Value + e.Value);
        }

        return t;
    }

    // Reports are coalesced on a timer, so the totals catch up within a few periods; bounded wait, no timing assertion.
    private async Task<RiskTotals> WaitForTotalsAsync(RiskTotals expected)
    {
        RiskTotals totals = await Aggregator.Totals();
        for (int i = 0; i < 100 && totals != expected; i++)
        {
            await Task.Delay(100);
            totals = await Aggregator.Totals();
        }

        return totals;
    }
}
