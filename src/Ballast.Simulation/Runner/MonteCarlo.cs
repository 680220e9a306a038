using Ballast.Simulation.Randomness;

namespace Ballast.Simulation.Runner;

/// <summary>
/// Runs independent paths in parallel with one random stream per path
/// (<see cref="Xoshiro256StarStar.ForPath"/>(seed, index)). A path's outcome depends only on (seed, index), never on
/// the thread that ran it; callers write per-path outputs into index-addressed arrays and reduce them in index order,
/// so every summary is identical for any degree of parallelism.
/// </summary>
public static class MonteCarlo
{
    /// <summary>Calls <paramref name="body"/>(pathIndex, rng) once for every path in [0, <paramref name="paths"/>).</summary>
    /// <param name="paths">Number of paths, ≥ 0.</param>
    /// <param name="seed">Run seed.</param>
    /// <param name="maxDegreeOfParallelism">Thread cap; null = all cores, 1 = sequential on the caller's thread.</param>
    /// <param name="body">Work for one path; must touch only its own outputs.</param>
    public static void ForEachPath(int paths, ulong seed, int? maxDegreeOfParallelism, Action<int, Xoshiro256StarStar> body)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(paths);
        if (maxDegreeOfParallelism == 1)
        {
            for (int i = 0; i < paths; i++) body(i, Xoshiro256StarStar.ForPath(seed, i));
            return;
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? -1 };
        Parallel.For(0, paths, options, i => body(i, Xoshiro256StarStar.ForPath(seed, i)));
    }
}
