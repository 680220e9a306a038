using System.Globalization;
using Ballast.Simulation.MarketMaking;

namespace Ballast.Cli;

/// <summary>
/// <c>ballast simulate --preset NAME ...</c>: runs a named simulation preset. Each preset reads its own options from
/// the same <see cref="CliArgs"/>; add one by adding a line to <see cref="Presets"/>.
/// </summary>
public static partial class SimulateCommand
{
    /// <summary>What a preset gets: parsed arguments (minus --preset and --sweep), the sweeps, where to write, output mode.</summary>
    private delegate int Preset(CliArgs args, IReadOnlyList<string> sweeps, TextWriter stdout, bool json);

    // One line per preset.
    private static readonly SortedDictionary<string, Preset> Presets = new(StringComparer.Ordinal)
    {
        ["avellaneda-stoikov"] = RunAvellanedaStoikov,
        ["btc-2017-2019"] = RunBtc,
        ["calm"] = (a, s, o, j) => RunSynthetic("calm", a, s, o, j),
        ["crash"] = (a, s, o, j) => RunSynthetic("crash", a, s, o, j),
        ["default"] = (a, s, o, j) => RunSynthetic("default", a, s, o, j),
        ["throughput"] = (a, s, o, j) => RunSynthetic("throughput", a, s, o, j),
        ["toxic-flow"] = (a, s, o, j) => RunSynthetic("toxic-flow", a, s, o, j),
    };

    /// <summary>
    /// <c>ballast simulate [--preset NAME] [--paths N] [--seed S] [--days D] [--steps N] [--vol V] [--spot S] [--drift M]
    /// [--capital C] [--threads T] [--sweep name=v1,v2 ...] [--out DIR] [--json] [--quiet] [--data CSV]</c>. Without a
    /// preset it runs the default scenario and writes its report to <c>ballast-report/default-seed1</c>.
    /// </summary>
    public static int Run(string[] argv, TextWriter stdout, TextWriter stderr)
    {
        // --sweep may repeat (one axis each); the shared parser takes every other option once.
        var sweeps = new List<string>();
        var rest = new List<string>();
        for (int i = 0; i < argv.Length; i++)
        {
            if (argv[i] == "--sweep")
            {
                if (i + 1 >= argv.Length) throw new CliUsageException("--sweep needs a value name=v1,v2,...");
                sweeps.Add(argv[++i]);
            }
            else if (argv[i].StartsWith("--sweep=", StringComparison.Ordinal)) sweeps.Add(argv[i]["--sweep=".Length..]);
            else rest.Add(argv[i]);
        }

        var args = new CliArgs(rest, "json", "quiet");
        string known = string.Join(", ", Presets.Keys);
        string name = args.Optional("preset") ?? "default";
        if (string.IsNullOrWhiteSpace(name)) throw new CliUsageException($"empty --preset (known presets: {known})");
        if (!Presets.TryGetValue(name, out var preset)) throw new CliUsageException($"unknown preset '{name}' (known presets: {known})");
        bool json = args.Flag("json");
        return preset(args, sweeps, stdout, json);
    }

    /// <summary>Avellaneda &amp; Stoikov (2008) §3.3: --gamma G [--paths N] [--seed S].</summary>
    private static int RunAvellanedaStoikov(CliArgs args, IReadOnlyList<string> sweeps, TextWriter stdout, bool json)
    {
        if (sweeps.Count > 0) throw new CliUsageException("the avellaneda-stoikov preset takes no --sweep (run it once per --gamma)");
        double gamma = args.RequireDouble("gamma");
        long paths = args.OptionalLong("paths", 1000);
        long seed = args.OptionalLong("seed", 1);
        args.EnsureAllUsed();
        if (paths is < 1 or > 10_000_000) throw new CliUsageException($"--paths must be between 1 and 10000000, got {paths}");
        if (seed < 0) throw new CliUsageException($"--seed must be >= 0, got {seed}");

        var settings = new AvellanedaStoikovSettings(gamma, (int)paths, (ulong)seed);
        var error = AvellanedaStoikovExperiment.TryRun(settings, null, out var report, out string message);
        if (error != AvellanedaStoikovSettingsError.None) throw new CliUsageException($"{message} ({error})");

        stdout.WriteLine(json ? ToJson(report!) : ToTable(report!));
        return CliApp.ExitOk;
    }

    internal static string ToJson(AvellanedaStoikovReport report)
    {
        static string Strategy(StrategySummary s) => string.Create(CultureInfo.InvariantCulture,
            $"{{\"spreadMean\":{s.SpreadMean:R},\"profitMean\":{s.ProfitMean:R},\"profitStd\":{s.ProfitStd:R},\"finalInventoryMean\":{s.FinalInventoryMean:R},\"finalInventoryStd\":{s.FinalInventoryStd:R},\"finalInventoryDistribution\":{s.FinalInventoryDistribution.ToJson()}}}");
        return $"{{\"strategies\":{{\"inventory\":{Strategy(report.Inventory)},\"symmetric\":{Strategy(report.Symmetric)}}}}}";
    }

    private static string ToTable(AvellanedaStoikovReport report)
    {
        var s = report.Settings;
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"Avellaneda-Stoikov (2008) §3.3: gamma {s.RiskAversion}, {s.Paths} paths, seed {s.Seed}, s0 {s.InitialMid}, T {s.Horizon}, sigma {s.Volatility}, dt {s.TimeStep}, A {s.ArrivalIntensity}, k {s.IntensityDecay}"),
            "",
            $"{"strategy",-22}{"spread",10}{"profit",10}{"std(profit)",13}{"final q",10}{"std(q)",10}",
        };
        void Add(string label, double spread, double profit, double profitStd, double q, double qStd)
            => lines.Add(string.Create(CultureInfo.InvariantCulture, $"{label,-22}{spread,10:F2}{profit,10:F2}{profitStd,13:F2}{q,10:F2}{qStd,10:F2}"));
        void AddSummary(string label, StrategySummary x) => Add(label, x.SpreadMean, x.ProfitMean, x.ProfitStd, x.FinalInventoryMean, x.FinalInventoryStd);
        void AddPaper(string label, AvellanedaStoikovPaperTable.Row x) => Add(label, x.SpreadMean, x.ProfitMean, x.ProfitStd, x.FinalInventoryMean, x.FinalInventoryStd);

        AddSummary("inventory", report.Inventory);
        AddSummary("symmetric", report.Symmetric);
        if (AvellanedaStoikovPaperTable.ByRiskAversion.TryGetValue(s.RiskAversion, out var paper))
        {
            AddPaper("inventory (paper)", paper.Inventory);
            AddPaper("symmetric (paper)", paper.Symmetric);
        }

        foreach (var (label, x) in new[] { ("inventory", report.Inventory), ("symmetric", report.Symmetric) })
        {
            lines.Add("");
            lines.Add($"final inventory, {label} strategy (paths per q):");
            lines.AddRange(x.FinalInventoryDistribution.ToTextLines());
        }

        return string.Join(Environment.NewLine, lines);
    }
}
