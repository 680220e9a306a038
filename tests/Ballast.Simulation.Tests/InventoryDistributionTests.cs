using Ballast.Simulation.MarketMaking;
using FsCheck;
using FsCheck.Xunit;

namespace Ballast.Simulation.Tests;

/// <summary>The terminal-inventory distribution reported for the market-making preset.</summary>
public class InventoryDistributionTests
{
    [Fact]
    public void Quantiles_are_nearest_rank_values_of_the_sample()
    {
        // Sorted: -3 -1 0 0 0 1 2 2 4 9 (n = 10). Nearest rank ⌈p·n⌉: p01→1st, p05→1st, p25→3rd, p50→5th, p75→8th, p95→10th, p99→10th.
        var d = InventoryDistribution.Of([2, 0, -1, 9, 0, 4, -3, 0, 1, 2]);

        Assert.Equal([(0.01, -3.0), (0.05, -3.0), (0.25, 0.0), (0.50, 0.0), (0.75, 2.0), (0.95, 9.0), (0.99, 9.0)], d.Quantiles);
        Assert.Equal([(-3.0, 1), (-1.0, 1), (0.0, 3), (1.0, 1), (2.0, 2), (4.0, 1), (9.0, 1)], d.Histogram);
        Assert.Equal(0.2, d.ShareAtLeast(4), 12);
    }

    [Property]
    public bool Histogram_counts_every_path_once_and_quantiles_rise_with_probability(NonEmptyArray<sbyte> sample)
    {
        double[] finals = sample.Get.Select(x => (double)x).ToArray();
        var d = InventoryDistribution.Of(finals);
        bool countsAll = d.Histogram.Sum(h => h.Paths) == finals.Length;
        bool ascending = d.Histogram.Zip(d.Histogram.Skip(1)).All(p => p.First.Inventory < p.Second.Inventory);
        bool monotone = d.Quantiles.Zip(d.Quantiles.Skip(1)).All(p => p.First.Quantile <= p.Second.Quantile);
        bool attained = d.Quantiles.All(q => finals.Contains(q.Quantile));
        return countsAll && ascending && monotone && attained;
    }

    [Fact]
    public void Equal_samples_give_equal_distributions_and_json()
    {
        var a = InventoryDistribution.Of([1, -2, 1]);
        var b = InventoryDistribution.Of([-2, 1, 1]);

        Assert.Equal(a, b);
        Assert.Equal("""{"quantiles":{"p01":-2,"p05":-2,"p25":-2,"p50":1,"p75":1,"p95":1,"p99":1},"histogram":[[-2,1],[1,2]]}""", a.ToJson());
    }

    [Fact]
    public void Seed_1_gamma_0_1_inventory_strategy_ends_far_from_flat_far_less_often_than_the_symmetric_one()
    {
        var error = AvellanedaStoikovExperiment.TryRun(new AvellanedaStoikovSettings(0.1, 1000, 1), null, out var report, out string message);
        Assert.True(error == AvellanedaStoikovSettingsError.None, message);
        var inventory = report!.Inventory.FinalInventoryDistribution;
        var symmetric = report.Symmetric.FinalInventoryDistribution;

        // Regression pins (seed 1, 1,000 paths, paper parameters, fills after the mid move).
        Assert.Equal([-7.0, -5, -2, 0, 2, 5, 7], inventory.Quantiles.Select(q => q.Quantile));
        Assert.Equal([-21.0, -13, -5, 0, 6, 14, 20], symmetric.Quantiles.Select(q => q.Quantile));
        Assert.Equal(0.133, inventory.ShareAtLeast(5), 12);
        Assert.Equal(0.587, symmetric.ShareAtLeast(5), 12);
        Assert.Equal(1000, inventory.Histogram.Sum(h => h.Paths));
    }
}
