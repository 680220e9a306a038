using Ballast.Simulation.Metrics;
using Ballast.Simulation.Randomness;
using Ballast.Simulation.Scenarios;

namespace Ballast.Simulation.Runner;

/// <summary>One sweep cell: its parameter assignment, its summary and path 0's time series.</summary>
/// <param name="Assignment">Swept (name, value) pairs; empty without sweeps.</param>
/// <param name="Settings">The cell's scenario.</param>
/// <param name="Summary">Statistics across paths.</param>
/// <param name="FirstPath">Path 0 in full (with time series), for charts.</param>
public sealed record CellResult((string Name, double Value)[] Assignment, ScenarioSettings Settings, CellSummary Summary, PathResult FirstPath);

/// <summary>All cells of a run.</summary>
/// <param name="Settings">Base scenario.</param>
/// <param name="Axes">Sweep axes.</param>
/// <param name="Cells">Cells in Cartesian order (first axis slowest).</param>
public sealed record ScenarioReport(ScenarioSettings Settings, IReadOnlyList<SweepAxis> Axes, IReadOnlyList<CellResult> Cells);

/// <summary>Progress of a run, updated from worker threads (read by a progress bar).</summary>
public sealed class RunProgress
{
    private int _completed;

    /// <summary>Path runs to do (cells × paths).</summary>
    public int Total { get; internal set; }

    /// <summary>Path runs done.</summary>
    public int Completed => Volatile.Read(ref _completed);

    internal void Done() => Interlocked.Increment(ref _completed);
}

/// <summary>
/// Monte-Carlo over paths and sweep cells. Path i of every cell uses the same market stream
/// (<see cref="Xoshiro256StarStar.ForPath"/>(seed, i)) and the same flow stream (seeded from the market stream after the
/// path is drawn), so cells differ only by their parameters — common random numbers. Each (cell, path) writes its own
/// slot; summaries reduce slots in index order, so the output does not depend on the thread count.
/// </summary>
public static class ScenarioRunner
{
    /// <summary>Validates and runs; returns a typed error and message instead of a report when the input is bad.</summary>
    /// <param name="settings">Base scenario.</param>
    /// <param name="axes">Sweep axes (may be empty).</param>
    /// <param name="maxDegreeOfParallelism">Thread cap; null = all cores, 1 = sequential.</param>
    /// <param name="progress">Optional progress counter.</param>
    /// <param name="hedger">Optional hedger for every path (seam; must be stateless or thread-safe).</param>
    /// <param name="report">The result when valid.</param>
    /// <param name="message">What is wrong otherwise.</param>
    public static ScenarioError TryRun(ScenarioSettings settings, IReadOnlyList<SweepAxis> axes, int? maxDegreeOfParallelism,
        RunProgress? progress, IDeltaHedger? hedger, out ScenarioReport? report, out string message)
    {
        report = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var axis in axes)
        {
            if (axis.Values.Count == 0) { message = $"sweep '{axis.Name}' has no values"; return ScenarioError.InvalidSweep; }
            if (!seen.Add(axis.Name)) { message = $"sweep '{axis.Name}' is given twice"; return ScenarioError.InvalidSweep; }
        }

        var assignments = SweepAxis.Cells(axes);
        var cellSettings = new ScenarioSettings[assignments.Count];
        for (int c = 0; c < assignments.Count; c++)
        {
            var s = settings;
            foreach (var (name, value) in assignments[c])
            {
                if (!SweepAxis.TryApply(s, name, value, out s, out string error)) { message = error; return ScenarioError.InvalidSweep; }
            }

            var problem = s.Validate(out message);
            if (problem != ScenarioError.None) return problem;
            cellSettings[c] = s;
        }

        int paths = settings.Paths, cells = assignments.Count;
        var results = new PathResult[cells * paths];
        if (progress is not null) progress.Total = results.Length;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? -1 };
        void RunOne(int index)
        {
            int cell = index / paths, path = index % paths;
            results[index] = RunPath(cellSettings[cell], path, hedger, record: path == 0);
            progress?.Done();
        }

        if (maxDegreeOfParallelism == 1)
        {
            for (int i = 0; i < results.Length; i++) RunOne(i);
        }
        else
        {
            Parallel.For(0, results.Length, options, RunOne);
        }

        var cellResults = new CellResult[cells];
        for (int c = 0; c < cells; c++)
        {
            var slice = new ArraySegment<PathResult>(results, c * paths, paths);
            cellResults[c] = new CellResult(assignments[c], cellSettings[c], CellSummary.Of(slice), results[c * paths]);
        }

        report = new ScenarioReport(settings, axes, cellResults);
        message = "";
        return ScenarioError.None;
    }

    /// <summary>Runs path <paramref name="pathIndex"/> of a (validated) scenario.</summary>
    public static PathResult RunPath(ScenarioSettings settings, int pathIndex, IDeltaHedger? hedger = null, bool record = false) =>
        CreatePath(settings, pathIndex, hedger).Run(record);

    /// <summary>Builds path <paramref name="pathIndex"/> (market drawn, not yet run): tests inspect its engine state.</summary>
    public static VaultPathSimulation CreatePath(ScenarioSettings settings, int pathIndex, IDeltaHedger? hedger = null)
    {
        var rng = Xoshiro256StarStar.ForPath(settings.Seed, pathIndex);
        var spots = new double[settings.Steps + 1];
        var vols = new double[settings.Steps + 1];
        settings.Market.Generate(rng, settings.StepYears, spots, vols);
        var flowRng = new Xoshiro256StarStar(rng.NextUInt64());
        // Drawn after the flow seed, so hedged and unhedged runs of a path see the same market and the same traders.
        var venueRng = new Xoshiro256StarStar(rng.NextUInt64());
        // Drawn last, so the LP flow leaves the market, the traders and the venue as they were.
        var lpRng = new Xoshiro256StarStar(rng.NextUInt64());
        return new VaultPathSimulation(settings, spots, vols, flowRng, hedger, venueRng, lpRng);
    }
}
