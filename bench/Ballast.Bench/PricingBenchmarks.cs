using Ballast.Pricing;
using Ballast.Pricing.Batch;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using QLNet;
using OptionType = Ballast.Pricing.OptionType;

namespace Ballast.Bench;

/// <summary>
/// Ballast's batch and scalar price + 5 Greeks, and implied vol, against QLNet 1.13.2 in one run, each reported
/// per option (OperationsPerInvoke), so the ratio column compares like with like.
/// </summary>
[Config(typeof(BenchConfig))]
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PricingBenchmarks
{
    /// <summary>Options per batch call: a large board-refresh worth of series.</summary>
    public const int BatchSize = 4096;

    /// <summary>Spot values QLNet is re-evaluated at per invocation, and options solved for IV.</summary>
    public const int QLNetEvaluations = 64;

    private OptionSet _book = null!;
    private double[][] _results = null!;
    private QLNetEuropean _qlnet = null!;
    private double[] _bumpedSpots = null!;
    private ImpliedVolCases _ivCases = null!;

    [GlobalSetup]
    public void Setup()
    {
        _book = new OptionSet(BatchSize, seed: 20261125);
        _results = Enumerable.Range(0, 6).Select(_ => new double[BatchSize]).ToArray();
        _qlnet = new QLNetEuropean(100.0, 0.03, 0.01, 0.35, 182, [(QLNet.Option.Type.Call, 105.0)]);
        _bumpedSpots = Enumerable.Range(0, QLNetEvaluations).Select(i => 90.0 + 20.0 * i / QLNetEvaluations).ToArray();
        _ivCases = new ImpliedVolCases(QLNetEvaluations);
    }

    [Benchmark(OperationsPerInvoke = BatchSize, Description = "Ballast batch BSM price+5 Greeks")]
    [BenchmarkCategory("Price+Greeks")]
    public void BallastBatch()
    {
        BatchPricer.BlackScholesMerton(
            new BlackScholesBatchInputs(_book.Types, _book.Spots, _book.Strikes, _book.Rates, _book.Yields, _book.Times, _book.Vols),
            new GreeksBatchOutputs(_results[0], _results[1], _results[2], _results[3], _results[4], _results[5]));
    }

    [Benchmark(OperationsPerInvoke = BatchSize, Description = "Ballast scalar BlackScholesMerton.Greeks")]
    [BenchmarkCategory("Price+Greeks")]
    public double BallastScalar()
    {
        double sum = 0;
        for (int i = 0; i < BatchSize; i++)
        {
            OptionGreeks g = BlackScholesMerton.Greeks(_book.Types[i], _book.Spots[i], _book.Strikes[i], _book.Rates[i], _book.Yields[i], _book.Times[i], _book.Vols[i]);
            sum += g.Price + g.Delta + g.Gamma + g.Vega + g.Theta + g.Rho;
        }

        return sum;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = QLNetEvaluations, Description = "QLNet AnalyticEuropeanEngine NPV+5 Greeks (spot bumped)")]
    [BenchmarkCategory("Price+Greeks")]
    public double QLNetAnalyticEuropean()
    {
        double sum = 0;
        EuropeanOption option = _qlnet.Options[0];
        foreach (double spot in _bumpedSpots)
        {
            _qlnet.Spot.setValue(spot);
            sum += option.NPV() + option.delta() + option.gamma() + option.vega() + option.theta() + option.rho();
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = QLNetEvaluations, Description = "Ballast ImpliedVolatility.ForBlackScholes")]
    [BenchmarkCategory("Implied vol")]
    public double BallastImpliedVol() => _ivCases.SolveWithBallast(null);

    [Benchmark(Baseline = true, OperationsPerInvoke = QLNetEvaluations, Description = "QLNet VanillaOption.impliedVolatility")]
    [BenchmarkCategory("Implied vol")]
    public double QLNetImpliedVol() => _ivCases.SolveWithQLNet(null);
}
