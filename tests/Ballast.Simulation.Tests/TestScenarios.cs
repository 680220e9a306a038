using Ballast.Simulation.Markets;
using Ballast.Simulation.Scenarios;

namespace Ballast.Simulation.Tests;

/// <summary>Short scenarios that keep the tests fast.</summary>
internal static class TestScenarios
{
    /// <summary>The default scenario shortened to <paramref name="days"/> days and <paramref name="paths"/> paths.</summary>
    public static ScenarioSettings Short(int days = 10, int paths = 2, ulong seed = 7) =>
        ScenarioPresets.Default() with { Steps = 24 * days, Paths = paths, Seed = seed };

    /// <summary>The crash preset with its crash moved to day 3 and cut three days later (keeps the crash tests fast).</summary>
    public static ScenarioSettings ShortCrash(int paths = 1, ulong seed = 7) => ScenarioPresets.Crash() with
    {
        Market = new ModelMarket(new CrashScenario(ScenarioPresets.SyntheticSpot, ScenarioPresets.SyntheticVol, CrashStartYears: 3.0 / 365), ScenarioPresets.SyntheticVol),
        Steps = 24 * 6,
        Paths = paths,
        Seed = seed,
    };
}
