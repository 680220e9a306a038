using System.Globalization;
using Ballast.Simulation.Hedging;
using Xunit.Abstractions;

namespace Ballast.Simulation.Tests;

public class HedgingEffectivenessTests(ITestOutputHelper output)
{
    private static readonly Lazy<HedgingEffectivenessReport> DefaultRun = new(() =>
    {
        var error = HedgingEffectivenessExperiment.TryRun(new HedgingEffectivenessSettings(), null, out var report, out string message);
        Assert.True(error == HedgingEffectivenessError.None, message);
        return report!;
    });

    private void Print(HedgingEffectivenessReport report)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{report.Settings.Paths} paths, seed {report.Settings.Seed}, premium {report.PremiumMean:F0}, λ = {report.Settings.ProportionalCost:G4}"));
        output.WriteLine("policy        | mean PnL | std PnL | hedge cost | fees | slippage | funding | trades");
        foreach (var p in report.Policies)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{p.Name,-13} | {p.Pnl.Mean,8:F0} | {p.PnlStd,7:F0} | {p.CostMean,10:F0} | {p.Fees,4:F0} | {p.Slippage,8:F0} | {p.Funding,7:F0} | {p.Trades,6:F1}"));
    }

    [Fact]
    public void Prints_the_table()
    {
        Print(DefaultRun.Value);
    }
}
