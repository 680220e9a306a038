using System.Diagnostics;
using System.Globalization;
using Ballast.Simulation.Data;
using Ballast.Simulation.Flow;
using Ballast.Simulation.Markets;
using Ballast.Simulation.Metrics;
using Ballast.Simulation.Reports;
using Ballast.Simulation.Runner;
using Ballast.Simulation.Scenarios;
using Spectre.Console;

namespace Ballast.Cli;

/// <summary>The vault-engine scenarios of <c>ballast simulate</c> (calm, crash, toxic-flow, btc-2017-2019, default).</summary>
public static partial class SimulateCommand
{
    private static int RunSynthetic(string preset, CliArgs args, IReadOnlyList<string> sweeps, TextWriter stdout, bool json)
    {
        ScenarioPresets.TryCreateSynthetic(preset, out var settings);
        double days = args.OptionalDouble("days", settings.Steps * settings.StepHours / 24.0);
        double vol = args.OptionalDouble("vol", ScenarioPresets.SyntheticVol);
        double spot = args.OptionalDouble("spot", ScenarioPresets.SyntheticSpot);
        double drift = args.OptionalDouble("drift", 0.0);
        if (!(days > 0) || days > 3650) throw new CliUsageException($"--days must be in (0, 3650], got {days}");
        int steps = (int)Math.Round(days * 24 / settings.StepHours);
        IPriceModel model = preset == "crash"
            ? new CrashScenario(spot, vol, CrashStartYears: Math.Min(30.0, days / 3) / 365)
            : new GeometricBrownianMotion(spot, drift, vol);
        settings = settings with { Market = new ModelMarket(model, vol), Steps = Math.Max(steps, 1) };
        return RunScenario(settings, args, sweeps, stdout, json);
    }

    private static int RunBtc(CliArgs args, IReadOnlyList<string> sweeps, TextWriter stdout, bool json)
    {
        string path = args.Require("data");
        if (!File.Exists(path)) throw new CliUsageException($"--data file '{path}' does not exist");
        var read = CandleCsvReader.ReadFile(path);
        if (!read.IsAccepted) throw new CliUsageException($"{path}: {read.Message} ({read.Error})");
        if (read.Rows.Count < 2) throw new CliUsageException($"{path}: needs at least two candles");
        return RunScenario(ScenarioPresets.Btc20172019(read.Rows), args, sweeps, stdout, json);
    }

    private static int RunScenario(ScenarioSettings settings, CliArgs args, IReadOnlyList<string> sweeps, TextWriter stdout, bool json)
    {
        long paths = args.OptionalLong("paths", settings.Paths);
        long seed = args.OptionalLong("seed", (long)settings.Seed);
        long steps = args.OptionalLong("steps", settings.Steps);
        long threads = args.OptionalLong("threads", 0);
        double capital = args.OptionalDouble("capital", (double)settings.InitialCapital);
        string? outDir = args.Optional("out");
        string hedge = args.Choice("hedge", "none", "none", "lyra", "whalley-wilmott", "time-based", "gamma-aware");
        double hedgeCost = args.OptionalDouble("hedge-cost", 0.0005);
        bool quiet = args.Flag("quiet");
        args.EnsureAllUsed();
        if (paths is < 1 or > 1_000_000) throw new CliUsageException($"--paths must be between 1 and 1000000, got {paths}");
        if (seed < 0) throw new CliUsageException($"--seed must be >= 0, got {seed}");
        if (steps < 1 || steps > settings.Steps && settings.Market is ReplayMarket) throw new CliUsageException($"--steps must be between 1 and {settings.Steps} for this preset, got {steps}");
        if (threads < 0 || threads > 1024) throw new CliUsageException($"--threads must be between 0 (all cores) and 1024, got {threads}");
        if (!(capital > 0) || capital > 1e12) throw new CliUsageException($"--capital must be in (0, 1e12], got {capital}");
        if (outDir is not null && string.IsNullOrWhiteSpace(outDir)) throw new CliUsageException("--out needs a folder");

        PolicyDeltaHedger? hedger = null;
        if (hedge != "none")
        {
            var kind = hedge switch
            {
                "lyra" => Engine.Hedging.HedgePolicyKind.Lyra,
                "whalley-wilmott" => Engine.Hedging.HedgePolicyKind.WhalleyWilmott,
                "time-based" => Engine.Hedging.HedgePolicyKind.TimeBased,
                _ => Engine.Hedging.HedgePolicyKind.GammaAware,
            };
            if (!PolicyDeltaHedger.TryCreate(kind, hedgeCost, out hedger, out string hedgeError)) throw new CliUsageException(hedgeError);
        }

        var axes = new List<SweepAxis>();
        foreach (string text in sweeps)
        {
            if (!SweepAxis.TryParse(text, out var axis, out string sweepError)) throw new CliUsageException(sweepError);
            axes.Add(axis);
        }

        settings = settings with
        {
            Paths = (int)paths, Seed = (ulong)seed, Steps = (int)steps,
            InitialCapital = Math.Round((decimal)capital, 2),
        };
        var progress = new RunProgress();
        ScenarioReport? report = null;
        string message = "";
        var error = ScenarioError.None;
        var clock = Stopwatch.StartNew();
        var work = Task.Run(() => error = ScenarioRunner.TryRun(settings, axes, threads == 0 ? null : (int)threads, progress, hedger, out report, out message));
        bool interactive = !json && !quiet && ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
        if (!work.Wait(TimeSpan.FromSeconds(1)) && interactive) ShowProgress(work, progress);
        work.GetAwaiter().GetResult();
        if (error != ScenarioError.None) throw new CliUsageException($"{message} ({error})");
        double seconds = clock.Elapsed.TotalSeconds;

        string folder = outDir ?? Path.Combine("ballast-report", $"{settings.Name}-seed{settings.Seed}");
        string summary = ReportWriter.Write(folder, report!);
        if (json) stdout.WriteLine(summary.TrimEnd('\n'));
        else if (!quiet) WriteTable(stdout, report!, folder, seconds);
        return CliApp.ExitOk;
    }

    private static void ShowProgress(Task work, RunProgress progress)
    {
        AnsiConsole.Progress().Start(ctx =>
        {
            var task = ctx.AddTask("simulating paths", maxValue: Math.Max(progress.Total, 1));
            while (!work.IsCompleted)
            {
                task.Value = progress.Completed;
                Thread.Sleep(100);
            }

            task.Value = task.MaxValue;
        });
    }

    private static void WriteTable(TextWriter stdout, ScenarioReport report, string folder, double seconds)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ColorSystemSupport.Detect,
        });
        var s = report.Settings;
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Ballast simulate: {s.Name}, {s.Paths} paths x {s.Steps} steps of {s.StepHours} h, seed {s.Seed}, capital {s.InitialCapital} ({seconds:F1} s)"));
        string F(double x, string format = "N0") => x.ToString(format, CultureInfo.InvariantCulture);
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("metric");
        foreach (var cell in report.Cells) table.AddColumn(new TableColumn(Markup.Escape(ReportWriter.CellLabel(cell))).RightAligned());
        void Row(string label, Func<CellSummary, string> value) => table.AddRow([label, .. report.Cells.Select(c => value(c.Summary))]);
        Row("PnL mean (quote)", c => F(c.PnlMean));
        Row("PnL s.d.", c => F(c.PnlStd));
        Row("LP return mean", c => F(c.LpReturnMean, "P2"));
        for (int k = 0; k < TimeSeries.TrancheNames.Count; k++)
        {
            int tranche = k;
            Row($"  {TimeSeries.TrancheNames[k]} tranche return mean / worst", c => $"{F(c.TrancheReturnMeans[tranche], "P2")} / {F(c.TrancheReturnWorst[tranche], "P2")}");
        }

        Row("LP deposits / withdrawals (quote)", c => $"{F(c.DepositsMean)} / {F(c.WithdrawalsMean)}");
        Row("time with pool breakers active", c => F(c.BreakerTimeMean, "P1"));
        Row("Sharpe / Sortino (ann.)", c => $"{F(c.SharpeMean, "F2")} / {F(c.SortinoMean, "F2")}");
        Row("max drawdown mean / worst", c => $"{F(c.MaxDrawdownMean, "P2")} / {F(c.MaxDrawdownWorst, "P2")}");
        Row("VaR 99% / ES 99%", c => $"{F(c.ValueAtRisk99)} / {F(c.ExpectedShortfall99)}");
        Row("P(insolvent)", c => F(c.InsolvencyProbability, "P1"));
        Row("utilisation mean / max", c => $"{F(c.UtilisationMean, "P1")} / {F(c.UtilisationMax, "P1")}");
        foreach (var comp in Enum.GetValues<PnlComponent>()) Row($"  pnl: {comp}", c => F(c.ComponentMeans[(int)comp]));
        foreach (var type in Enum.GetValues<TraderType>())
            Row($"  {type}: trades / markout per trade", c => $"{F(c.TradesMean[(int)type], "F0")} / {F(c.MarkoutPerTrade[(int)type], "F1")}");
        Row("hedge trades / path", c => F(c.HedgeTradesMean, "F0"));
        Row("margin: sells / liquidations / insolvent", c => $"{F(c.MarginTradesMean, "F0")} / {F(c.LiquidationsMean, "F1")} / {F(c.InsolvenciesMean, "F1")}");
        Row("margin: insurance used / bad debt", c => $"{F(c.InsuranceFundUsedMean)} / {F(c.BadDebtMean)}");
        Row("rejections (all paths)", c => F(c.Rejections.Sum(r => (double)r.Count)));
        Row("top rejection", c => c.Rejections.Count == 0 ? "-" : c.Rejections.MaxBy(r => r.Count) is var top ? $"{top.Reason} {top.Count}" : "-");
        console.Write(table);
        console.WriteLine($"report: {Path.GetFullPath(folder)} (summary.json, timeseries.csv, *.png, report.html)");
    }
}
