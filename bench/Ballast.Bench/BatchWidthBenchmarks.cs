using Ballast.Pricing.Batch;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Ballast.Bench;

/// <summary>
/// The batch pricer at each SIMD width the machine offers: the default job uses Vector512 where it is
/// accelerated; the second job sets DOTNET_PreferredVectorBitWidth=256, which turns
/// Vector512.IsHardwareAccelerated off, so the same code runs on Vector256 (AVX2 + FMA).
/// </summary>
[Config(typeof(WidthConfig))]
public class BatchWidthBenchmarks
{
    private OptionSet _book = null!;
    private double[][] _results = null!;

    [GlobalSetup]
    public void Setup()
    {
        _book = new OptionSet(PricingBenchmarks.BatchSize, seed: 20261125);
        _results = Enumerable.Range(0, 6).Select(_ => new double[PricingBenchmarks.BatchSize]).ToArray();
    }

    [Benchmark(OperationsPerInvoke = PricingBenchmarks.BatchSize, Description = "Ballast batch BSM price+5 Greeks")]
    public void BallastBatch()
    {
        BatchPricer.BlackScholesMerton(
            new BlackScholesBatchInputs(_book.Types, _book.Spots, _book.Strikes, _book.Rates, _book.Yields, _book.Times, _book.Vols),
            new GreeksBatchOutputs(_results[0], _results[1], _results[2], _results[3], _results[4], _results[5]));
    }

    private sealed class WidthConfig : ManualConfig
    {
        public WidthConfig()
        {
            Job settings = Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(12);
            AddJob(settings.WithId("Widest (Vector512 here)"));
            AddJob(settings.WithEnvironmentVariable("DOTNET_PreferredVectorBitWidth", "256").WithId("Vector256"));
        }
    }
}
