using System.Globalization;
using System.Text;
using System.Text.Json;
using Ballast.Pricing.Surfaces;

namespace Ballast.Cli;

/// <summary>
/// <c>ballast surface fit --chain FILE.json [--out DIR] [--json]</c>: fits raw SVI per expiry to a Deribit-style chain,
/// prints parameters, fit error in vol points (1 vol point = 0.01 of annualised vol) and the butterfly/calendar checks;
/// with --out writes one PNG per expiry of market (bid/mid/ask) against fitted smiles, and an overview surface.png.
/// </summary>
public static class SurfaceFitCommand
{
    private const string Usage = "usage: ballast surface fit --chain FILE.json [--out DIR] [--json]";

    /// <summary>Text of <c>ballast surface --help</c>.</summary>
    public const string Help = Usage + """


        Fits raw SVI (Gatheral) per expiry of a Deribit-style option chain (the format of
        ../shared/data/deribit_btc_chain_2026-05-21.json) by least squares on implied vols, then prints per expiry the
        parameters a, b, rho, m, sigma, the fit error in vol points (rmse_vp, max_vp; 1 vp = 0.01 of annualised vol),
        the median half bid-ask spread (hs_vp) and the butterfly check (Gatheral-Jacquier g(k) ≥ 0 on k ∈ [−3, 3]),
        then the calendar check (total variance non-decreasing in expiry) on the quoted strikes and on k ∈ [−3, 3].
          --out DIR   also write smile_<expiry>.png (market bid/mid/ask vs fit) per expiry and surface.png
          --json      print one JSON object instead of the table
        A missing, unreadable or malformed chain file is a one-line error with exit code 2.
        """;

    public static int Run(string[] argv, TextWriter stdout, TextWriter stderr)
    {
        if (argv.Contains("--help") || argv.Contains("-h"))
        {
            stdout.WriteLine(Help);
            return CliApp.ExitOk;
        }

        if (argv.Length == 0 || argv[0] != "fit")
            throw new CliUsageException(argv.Length == 0 ? $"surface needs a sub-command ({Usage})" : $"unknown surface sub-command '{argv[0]}' ({Usage})");
        var args = new CliArgs(argv[1..], "json");
        string path = args.Require("chain");
        string? outDir = args.Optional("out");
        bool json = args.Flag("json");
        args.EnsureAllUsed();
        if (outDir is { Length: 0 }) throw new CliUsageException("--out needs a directory");

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliUsageException(e is FileNotFoundException or DirectoryNotFoundException ? $"--chain: file '{path}' not found" : $"--chain: cannot read '{path}': {e.Message}");
        }

        var loaded = DeribitChainLoader.Parse(text);
        if (!loaded.IsSuccess) throw new CliUsageException($"--chain: {loaded.Message}");
        var chain = loaded.Chain!;

        var fits = chain.Expiries.Select(e => (Expiry: e, Fit: e.FitSvi())).ToArray();
        var usable = fits.Where(f => f.Fit.Error is SviFitError.None or SviFitError.ButterflyArbitrage).ToArray();
        var surface = usable.Length == 0 ? null : VolSurface.Create(usable.Select(f => new SurfaceSlice(f.Expiry.Time, f.Expiry.Forward, f.Fit.Slice)), chain.Spot).Surface;
        // Calendar: where both expiries of a pair have quotes (what the market pins down), and on the wide grid k ∈ [−3, 3]
        // (where the slices are extrapolations). Independent per-expiry fits can cross far out in the wings.
        var calendar = surface is null ? null : new CalendarReport(QuotedRangeCheck(surface, usable), surface.CheckCalendar());

        var plots = new List<string>();
        if (outDir is not null)
        {
            try
            {
                Directory.CreateDirectory(outDir);
                foreach (var (expiry, fit) in usable) plots.Add(SmilePlot.Write(outDir, expiry, fit));
                if (usable.Length > 0) plots.Add(SmilePlot.WriteOverview(outDir, usable));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliUsageException($"--out: cannot write to '{outDir}': {e.Message}");
            }
        }

        if (json) WriteJson(stdout, chain, fits, calendar, usable, plots);
        else WriteText(stdout, chain, loaded.Message, fits, calendar, usable, plots);
        return CliApp.ExitOk;
    }

    private sealed record CalendarReport(CalendarCheck Quoted, CalendarCheck Wide);

    private static CalendarCheck QuotedRangeCheck(VolSurface surface, (ExpiryQuotes Expiry, SviFitResult Fit)[] usable)
    {
        var worst = new CalendarCheck(double.PositiveInfinity, 0, -1);
        for (int i = 0; i + 1 < usable.Length; i++)
        {
            var (earlier, later) = (usable[i].Expiry.Quotes, usable[i + 1].Expiry.Quotes);
            double kMin = Math.Max(earlier.Min(q => q.LogMoneyness), later.Min(q => q.LogMoneyness));
            double kMax = Math.Min(earlier.Max(q => q.LogMoneyness), later.Max(q => q.LogMoneyness));
            if (!(kMax > kMin)) continue;
            var pair = surface.CheckCalendar(i, kMin, kMax, 201);
            if (pair.WorstIncrease < worst.WorstIncrease) worst = pair;
        }

        return worst;
    }

    private static string Describe(CalendarCheck check, (ExpiryQuotes Expiry, SviFitResult Fit)[] usable) => check.EarlierSlice < 0
        ? "nothing to compare"
        : check.IsArbitrageFree
            ? string.Create(CultureInfo.InvariantCulture, $"ok (total variance non-decreasing in T; smallest increase {check.WorstIncrease:G3})")
            : string.Create(CultureInfo.InvariantCulture, $"VIOLATED (w falls by {-check.WorstIncrease:G3} at k {check.AtLogMoneyness:F3} from {usable[check.EarlierSlice].Expiry.Expiry:yyyy-MM-dd} to {usable[check.EarlierSlice + 1].Expiry.Expiry:yyyy-MM-dd})");

    private static void WriteCalendarJson(Utf8JsonWriter w, string name, CalendarCheck check, (ExpiryQuotes Expiry, SviFitResult Fit)[] usable)
    {
        if (check.EarlierSlice < 0) return;
        w.WriteStartObject(name);
        w.WriteBoolean("arbitrageFree", check.IsArbitrageFree);
        w.WriteNumber("worstIncrease", check.WorstIncrease);
        w.WriteNumber("atLogMoneyness", check.AtLogMoneyness);
        w.WriteString("from", usable[check.EarlierSlice].Expiry.Expiry.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteString("to", usable[check.EarlierSlice + 1].Expiry.Expiry.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteEndObject();
    }

    private static void WriteText(TextWriter o, DeribitChain chain, string summary, (ExpiryQuotes Expiry, SviFitResult Fit)[] fits, CalendarReport? calendar, (ExpiryQuotes Expiry, SviFitResult Fit)[] usable, List<string> plots)
    {
        var c = CultureInfo.InvariantCulture;
        o.WriteLine(string.Create(c, $"chain {chain.ReferenceTime:yyyy-MM-ddTHH:mm:ssZ}  spot {chain.Spot?.ToString("F2", c) ?? "n/a"}  {summary}"));
        o.WriteLine(string.Create(c, $"{"expiry",-10} {"T(y)",7} {"forward",10} {"n",3} {"a",10} {"b",9} {"rho",7} {"m",8} {"sigma",8} {"rmse_vp",7} {"max_vp",7} {"hs_vp",6}  butterfly"));
        foreach (var (e, f) in fits)
        {
            if (f.Error is not (SviFitError.None or SviFitError.ButterflyArbitrage))
            {
                o.WriteLine(string.Create(c, $"{e.Expiry:yyyy-MM-dd} {e.Time,7:F4} {e.Forward,10:F2} {e.Quotes.Count,3}  not fitted: {f.Message}"));
                continue;
            }

            var s = f.Slice;
            string butterfly = f.Butterfly.IsArbitrageFree
                ? string.Create(c, $"ok (min g {f.Butterfly.MinimumDensity:G3})")
                : string.Create(c, $"VIOLATED (g {f.Butterfly.MinimumDensity:G3} at k {f.Butterfly.AtLogMoneyness:F3})");
            o.WriteLine(string.Create(c, $"{e.Expiry:yyyy-MM-dd} {e.Time,7:F4} {e.Forward,10:F2} {f.QuoteCount,3} {s.A,10:G4} {s.B,9:G4} {s.Rho,7:F4} {s.M,8:F4} {s.Sigma,8:G4} {100 * f.RmseVol,7:F3} {100 * f.MaxErrorVol,7:F3} {100 * e.MedianHalfSpreadVol,6:F3}  {butterfly}"));
        }

        o.WriteLine("vol points (vp): 0.01 of annualised vol; hs = median half bid-ask spread; butterfly: Gatheral-Jacquier g(k) >= 0 on k in [-3, 3]");
        if (calendar is not null)
        {
            o.WriteLine($"calendar on strikes quoted in both expiries: {Describe(calendar.Quoted, usable)}");
            o.WriteLine($"calendar on k in [-3, 3]: {Describe(calendar.Wide, usable)}");
        }

        foreach (string p in plots) o.WriteLine($"wrote {p}");
    }

    private static void WriteJson(TextWriter o, DeribitChain chain, (ExpiryQuotes Expiry, SviFitResult Fit)[] fits, CalendarReport? calendar, (ExpiryQuotes Expiry, SviFitResult Fit)[] usable, List<string> plots)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("reference", chain.ReferenceTime);
            if (chain.Spot is { } spot) w.WriteNumber("spot", spot);
            w.WriteNumber("skipped", chain.Skipped.Total);
            w.WriteStartArray("expiries");
            foreach (var (e, f) in fits)
            {
                w.WriteStartObject();
                w.WriteString("expiry", e.Expiry.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                w.WriteNumber("time", e.Time);
                w.WriteNumber("forward", e.Forward);
                w.WriteNumber("quotes", e.Quotes.Count);
                w.WriteString("status", f.Error == SviFitError.None ? "ok" : f.Error.ToString());
                if (f.Error is SviFitError.None or SviFitError.ButterflyArbitrage)
                {
                    w.WriteNumber("a", f.Slice.A);
                    w.WriteNumber("b", f.Slice.B);
                    w.WriteNumber("rho", f.Slice.Rho);
                    w.WriteNumber("m", f.Slice.M);
                    w.WriteNumber("sigma", f.Slice.Sigma);
                    w.WriteNumber("rmseVolPoints", 100 * f.RmseVol);
                    w.WriteNumber("maxErrorVolPoints", 100 * f.MaxErrorVol);
                    w.WriteNumber("medianHalfSpreadVolPoints", 100 * e.MedianHalfSpreadVol);
                    w.WriteBoolean("butterflyFree", f.Butterfly.IsArbitrageFree);
                    w.WriteNumber("minButterflyDensity", f.Butterfly.MinimumDensity);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (calendar is not null)
            {
                w.WriteStartObject("calendar");
                WriteCalendarJson(w, "quotedStrikes", calendar.Quoted, usable);
                WriteCalendarJson(w, "wideRange", calendar.Wide, usable);
                w.WriteEndObject();
            }

            w.WriteStartArray("plots");
            foreach (string p in plots) w.WriteStringValue(p);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        o.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
