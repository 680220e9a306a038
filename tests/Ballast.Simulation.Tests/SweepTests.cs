using Ballast.Simulation.Runner;
using Ballast.Simulation.Scenarios;

namespace Ballast.Simulation.Tests;

public class SweepTests
{
    [Fact]
    public void Sweeps_run_the_Cartesian_product_on_common_random_numbers()
    {
        var axes = new[] { new SweepAxis("noiseIntensity", [2, 6]), new SweepAxis("standardSize", [5, 20]) };

        var error = ScenarioRunner.TryRun(TestScenarios.Short(days: 4, paths: 2), axes, 1, null, null, out var report, out string message);

        Assert.Equal(ScenarioError.None, error);
        Assert.Equal(4, report!.Cells.Count);
        Assert.Equal([("noiseIntensity", 2.0), ("standardSize", 20.0)], report.Cells[1].Assignment);
        var spot = report.Cells[0].FirstPath.Series!.Spot;
        Assert.All(report.Cells, c => Assert.Equal(spot, c.FirstPath.Series!.Spot));
        Assert.True(report.Cells[2].Summary.TradesMean.Sum() > report.Cells[0].Summary.TradesMean.Sum(), message);
    }

    [Fact]
    public void A_swept_vault_parameter_reaches_the_engine()
    {
        var axes = new[] { new SweepAxis("optionPriceFeeCoefficient", [0.0, 0.05]) };

        ScenarioRunner.TryRun(TestScenarios.Short(days: 4, paths: 1), axes, 1, null, null, out var report, out _);

        Assert.Equal(0.05, report!.Cells[1].Settings.Parameters.OptionPriceFeeCoefficient);
        Assert.NotEqual(report.Cells[0].Summary.ComponentMeans[0], report.Cells[1].Summary.ComponentMeans[0]);
    }

    [Theory]
    [InlineData("noiseIntensity=")]
    [InlineData("=1,2")]
    [InlineData("noiseIntensity=1,x")]
    public void Malformed_sweeps_do_not_parse(string text)
    {
        Assert.False(SweepAxis.TryParse(text, out _, out string error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void An_empty_unknown_or_repeated_axis_is_a_typed_error()
    {
        var s = TestScenarios.Short(days: 1, paths: 1);

        Assert.Equal(ScenarioError.InvalidSweep, ScenarioRunner.TryRun(s, [new SweepAxis("noiseIntensity", [])], 1, null, null, out _, out _));
        Assert.Equal(ScenarioError.InvalidSweep, ScenarioRunner.TryRun(s, [new SweepAxis("moonPhase", [1])], 1, null, null, out _, out _));
        Assert.Equal(ScenarioError.InvalidSweep, ScenarioRunner.TryRun(s, [new SweepAxis("noiseIntensity", [1]), new SweepAxis("noiseIntensity", [2])], 1, null, null, out _, out _));
        Assert.Equal(ScenarioError.InvalidSweep, ScenarioRunner.TryRun(s, [new SweepAxis("noiseIntensity", [-1])], 1, null, null, out _, out _));
    }
}
