using Ballast.Simulation.Reports;
using Ballast.Simulation.Runner;

namespace Ballast.Simulation.Tests;

public class DeterminismTests
{
    [Fact]
    public void Summary_json_is_byte_identical_for_one_thread_and_many()
    {
        var settings = TestScenarios.Short(days: 7, paths: 4, seed: 3);

        ScenarioRunner.TryRun(settings, [], 1, null, null, out var sequential, out _);
        ScenarioRunner.TryRun(settings, [], null, null, null, out var parallel, out _);
        ScenarioRunner.TryRun(settings, [], 3, null, null, out var three, out _);

        string expected = SummaryJson.Write(sequential!);
        Assert.Equal(expected, SummaryJson.Write(parallel!));
        Assert.Equal(expected, SummaryJson.Write(three!));
    }

    [Fact]
    public void A_different_seed_gives_a_different_summary()
    {
        ScenarioRunner.TryRun(TestScenarios.Short(days: 3, paths: 2, seed: 1), [], 1, null, null, out var a, out _);
        ScenarioRunner.TryRun(TestScenarios.Short(days: 3, paths: 2, seed: 2), [], 1, null, null, out var b, out _);

        Assert.NotEqual(SummaryJson.Write(a!), SummaryJson.Write(b!));
    }
}
