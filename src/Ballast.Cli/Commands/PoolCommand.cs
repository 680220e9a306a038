using System.Globalization;
using System.Text.Json;
using Ballast.Engine.Pool;

namespace Ballast.Cli;

/// <summary>
/// <c>ballast pool waterfall --nav X --tranches FILE.json [--json]</c>: splits a NAV (quote) between the tranches of a
/// file by the pool's waterfall (<see cref="TrancheWaterfall"/>) and prints each tranche's target claim, claim and share
/// price. The file lists tranches with priority (0 = most senior), optional target APR (absent for the residual tranche),
/// share supply and, for seniors, the target share price at inception; <c>elapsedSeconds</c> accrues the targets
/// (simple APR, 365-day year). A negative NAV is reported as insolvency with every claim 0.
/// </summary>
public static class PoolCommand
{
    private const string Usage = "usage: ballast pool waterfall --nav X --tranches FILE.json [--json]";

    private sealed record TrancheRow(TrancheConfig Config, decimal Shares, decimal TargetSharePrice);

    public static int Run(string[] argv, TextWriter stdout, TextWriter stderr)
    {
        if (argv.Length == 0 || argv[0] != "waterfall")
            throw new CliUsageException(argv.Length == 0 ? $"pool needs a sub-command ({Usage})" : $"unknown pool sub-command '{argv[0]}' ({Usage})");
        var args = new CliArgs(argv[1..], "json");
        string navText = args.Require("nav");
        string path = args.Require("tranches");
        bool json = args.Flag("json");
        args.EnsureAllUsed();
        if (!decimal.TryParse(navText, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal nav))
            throw new CliUsageException($"--nav: '{navText}' is not a number");

        var (rows, elapsed) = Load(path);
        int n = rows.Length;
        var shares = rows.Select(r => r.Shares).ToArray();
        var targetPrices = rows.Select((r, i) => i == n - 1 ? r.Config.InitialSharePrice : r.TargetSharePrice * TrancheState.SimpleAccrual(r.Config.TargetApr!.Value, elapsed)).ToArray();
        var targets = rows.Select((r, i) => i == n - 1 ? 0m : TrancheState.RoundTargetClaim(targetPrices[i], r.Shares)).ToArray();
        var claims = new decimal[n];
        decimal allocated = Math.Max(nav, 0m);
        decimal unallocated = TrancheWaterfall.Allocate(allocated, shares, targets, claims);
        var prices = rows.Select((r, i) => TrancheWaterfall.SharePrice(claims[i], r.Shares, targetPrices[i])).ToArray();

        if (json) WriteJson(stdout, nav, rows, targets, claims, prices, unallocated);
        else WriteText(stdout, nav, rows, targets, claims, prices, unallocated);
        return CliApp.ExitOk;
    }

    private static (TrancheRow[] Rows, long Elapsed) Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliUsageException(e is FileNotFoundException or DirectoryNotFoundException ? $"--tranches: file '{path}' not found" : $"--tranches: cannot read '{path}': {e.Message}");
        }

        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            long elapsed = root.TryGetProperty("elapsedSeconds", out var e) ? e.GetInt64() : 0;
            if (elapsed < 0) throw new CliUsageException("--tranches: elapsedSeconds must be ≥ 0");
            if (!root.TryGetProperty("tranches", out var list) || list.ValueKind != JsonValueKind.Array)
                throw new CliUsageException("--tranches: the file needs a \"tranches\" array");
            var rows = new List<TrancheRow>();
            foreach (var t in list.EnumerateArray())
            {
                string name = t.TryGetProperty("name", out var nm) ? nm.GetString() ?? "" : "";
                int priority = t.TryGetProperty("priority", out var p) ? p.GetInt32() : throw new CliUsageException($"--tranches: tranche '{name}' needs a priority");
                decimal? apr = t.TryGetProperty("targetApr", out var a) && a.ValueKind != JsonValueKind.Null ? a.GetDecimal() : null;
                decimal shares = t.TryGetProperty("shares", out var s) ? s.GetDecimal() : 0m;
                decimal targetPrice = t.TryGetProperty("targetSharePrice", out var tp) ? tp.GetDecimal() : 1m;
                decimal initial = t.TryGetProperty("initialSharePrice", out var ip) ? ip.GetDecimal() : 1m;
                if (shares < 0) throw new CliUsageException($"--tranches: tranche '{name}' has negative shares");
                if (targetPrice <= 0) throw new CliUsageException($"--tranches: tranche '{name}' needs a targetSharePrice > 0");
                rows.Add(new TrancheRow(new TrancheConfig(name, priority, apr, initial), shares, targetPrice));
            }

            if (TrancheConfig.Validate(rows.Select(r => r.Config).ToArray()) is { } problem) throw new CliUsageException($"--tranches: {problem}");
            return (rows.OrderBy(r => r.Config.Priority).ToArray(), elapsed);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            throw new CliUsageException($"--tranches: '{path}' is not a valid tranche file: {e.Message}");
        }
    }

    private static void WriteText(TextWriter o, decimal nav, TrancheRow[] rows, decimal[] targets, decimal[] claims, decimal[] prices, decimal unallocated)
    {
        var c = CultureInfo.InvariantCulture;
        o.WriteLine(nav >= 0
            ? string.Create(c, $"NAV {nav:F2} quote")
            : string.Create(c, $"NAV {nav:F2} quote: INSOLVENT, deficit {-nav:F2}; every claim is 0"));
        o.WriteLine(string.Create(c, $"{"tranche",-12} {"priority",8} {"target APR",10} {"shares",16} {"target claim",16} {"claim",16} {"share price",12}"));
        for (int i = 0; i < rows.Length; i++)
        {
            var r = rows[i];
            string apr = r.Config.TargetApr is decimal a ? string.Create(c, $"{a * 100:F2}%") : "residual";
            string target = r.Config.TargetApr is null ? "-" : string.Create(c, $"{targets[i]:F2}");
            o.WriteLine(string.Create(c, $"{r.Config.Name,-12} {r.Config.Priority,8} {apr,10} {r.Shares,16:0.######} {target,16} {claims[i],16:F2} {prices[i],12:F6}"));
        }

        if (unallocated > 0) o.WriteLine(string.Create(c, $"unallocated {unallocated:F2} (no tranche has shares)"));
    }

    private static void WriteJson(TextWriter o, decimal nav, TrancheRow[] rows, decimal[] targets, decimal[] claims, decimal[] prices, decimal unallocated)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("nav", nav);
            w.WriteBoolean("insolvent", nav < 0);
            w.WriteNumber("deficit", nav < 0 ? -nav : 0m);
            w.WriteNumber("unallocated", unallocated);
            w.WriteStartArray("tranches");
            for (int i = 0; i < rows.Length; i++)
            {
                var r = rows[i];
                w.WriteStartObject();
                w.WriteString("name", r.Config.Name);
                w.WriteNumber("priority", r.Config.Priority);
                if (r.Config.TargetApr is decimal a) w.WriteNumber("targetApr", a);
                else w.WriteNull("targetApr");
                w.WriteNumber("shares", r.Shares);
                w.WriteNumber("targetClaim", targets[i]);
                w.WriteNumber("claim", claims[i]);
                w.WriteNumber("sharePrice", prices[i]);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        o.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
