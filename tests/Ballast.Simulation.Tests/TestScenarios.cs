using Ballast.Simulation.Scenarios;

namespace Ballast.Simulation.Tests;

/// <summary>Short scenarios that keep the tests fast.</summary>
internal static class TestScenarios
{
    /// <summary>The default scenario shortened to <paramref name="days"/> days and <paramref name="paths"/> paths.</summary>
    public static ScenarioSettings Short(int days = 10, int paths = 2, ulong seed = 7) =>
        ScenarioPresets.Default() with { Steps = 24 * days, Paths = paths, Seed = seed };
}
