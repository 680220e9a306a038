using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Ballast.Bench;

/// <summary>
/// Short but honest settings for a shared 2-core machine: one process, 3 warm-ups, 12 measured iterations
/// (enough for a stable median of microsecond-scale invocations; the whole pricing run takes a few minutes).
/// </summary>
public sealed class BenchConfig : ManualConfig
{
    public BenchConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(12).WithId("Ballast"));
    }
}
