using BenchmarkDotNet.Running;

namespace Ballast.Bench;

public static class Program
{
    /// <summary>
    /// BenchmarkDotNet switcher; <c>accuracy</c> as the first argument instead prints the implied-vol accuracy
    /// (|σ_recovered − σ_true|) each library reaches on the benchmarked cases, and <c>cputime</c> the same
    /// workloads as <see cref="PricingBenchmarks"/> timed in thread CPU time (see <see cref="ThreadCpuTimer"/>), and
    /// <c>replay</c> the engine replay and recovery table (<see cref="ReplayBenchmarks"/>), and <c>appends [rounds]</c> the
    /// <see cref="LedgerBenchmarks"/> workloads timed in-process (wall clock, median of the rounds).
    /// </summary>
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "accuracy")
        {
            var cases = new ImpliedVolCases(PricingBenchmarks.QLNetEvaluations);
            var (ballast, qlnet) = cases.MaxErrors();
            Console.WriteLine($"| Implied vol, {cases.Count} cases | max abs(σ_recovered − σ_true) |");
            Console.WriteLine("|---|---|");
            Console.WriteLine($"| Ballast ImpliedVolatility.ForBlackScholes | {ballast:E2} |");
            Console.WriteLine($"| QLNet impliedVolatility (accuracy {ImpliedVolCases.QLNetAccuracy:E0}) | {qlnet:E2} |");
            return;
        }

        if (args.Length > 0 && args[0] == "replay")
        {
            ReplayBenchmarks.Print();
            return;
        }

        if (args.Length > 0 && args[0] == "appends")
        {
            LedgerBenchmarks.PrintWallClock(args.Length > 1 && int.TryParse(args[1], out int rounds) ? rounds : 5);
            return;
        }

        if (args.Length > 0 && args[0] == "cputime")
        {
            PrintCpuTimes();
            return;
        }

        if (args.Length > 0 && args[0] == "engine")
        {
            PrintEngineAndMarginCpuTimes();
            return;
        }

        if (args.Length > 0 && args[0] == "margin")
        {
            PrintMarginCpuTimes();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }

    private static void PrintCpuTimes()
    {
        var b = new PricingBenchmarks();
        b.Setup();
        var rows = new (string Name, Action Run, int Operations)[]
        {
            ("Ballast batch BSM price+5 Greeks", b.BallastBatch, PricingBenchmarks.BatchSize),
            ("Ballast scalar BlackScholesMerton.Greeks", () => b.BallastScalar(), PricingBenchmarks.BatchSize),
            ("QLNet AnalyticEuropeanEngine NPV+5 Greeks (spot bumped)", () => b.QLNetAnalyticEuropean(), PricingBenchmarks.QLNetEvaluations),
            ("Ballast ImpliedVolatility.ForBlackScholes", () => b.BallastImpliedVol(), PricingBenchmarks.QLNetEvaluations),
            ("QLNet VanillaOption.impliedVolatility", () => b.QLNetImpliedVol(), PricingBenchmarks.QLNetEvaluations),
        };
        Console.WriteLine($"| Workload (Vector512 accelerated: {System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated}) | median thread CPU ns per option |");
        Console.WriteLine("|---|---:|");
        foreach (var (name, run, operations) in rows)
        {
            Console.WriteLine($"| {name} | {ThreadCpuTimer.MedianNanosecondsPerOperation(run, operations):F2} |");
        }

        PrintEngineAndMarginCpuTimes();
    }

    private static void PrintEngineAndMarginCpuTimes()
    {
        var engine = new EngineBenchmarks();
        engine.Setup();
        // As for margin: the first workload timed measured slow while tiered JIT was still promoting methods; warm both first.
        var warm = System.Diagnostics.Stopwatch.StartNew();
        while (warm.ElapsedMilliseconds < 1_000)
        {
            engine.Quote();
            engine.Trade();
        }

        Console.WriteLine();
        Console.WriteLine("| Engine workload | median thread CPU µs per operation |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine($"| quote, vault with 1,000 series | {ThreadCpuTimer.MedianNanosecondsPerOperation(() => engine.Quote(), 1) / 1000:F3} |");
        Console.WriteLine($"| trade: decide + apply + Greek cache | {ThreadCpuTimer.MedianNanosecondsPerOperation(() => engine.Trade(), 1) / 1000:F3} |");

        PrintMarginCpuTimes();
    }

    private static void PrintMarginCpuTimes()
    {
        Console.WriteLine();
        Console.WriteLine("| Margin workload | median thread CPU µs per account |");
        Console.WriteLine("|---|---:|");
        foreach (var (workload, micros) in MarginBenchmarks.CpuTimes())
        {
            Console.WriteLine($"| {workload} | {micros:F1} |");
        }
    }
}
