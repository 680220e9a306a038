using System.Globalization;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace Ballast.Cli.Tests;

public sealed class SurfaceFitCommandTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ballast-surface-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Invoke(args);

    // Two expiries whose Deribit vols come from smiles σ(k) = 0.5 + 0.4k² (30 days) and 0.55 + 0.3k² (90 days), ±1 vol point.
    private string WriteSyntheticChain()
    {
        var inputs = new List<string>
        {
            """{"security_type": "spot", "bid": "99990", "ask": "100010"}""",
            """{"security_type": "forward", "maturity": "2026-06-20T08:00:00Z", "bid": "99995", "ask": "100005"}""",
            """{"security_type": "forward", "maturity": "2026-08-19T08:00:00Z", "bid": "100495", "ask": "100505"}""",
        };
        foreach (var (maturity, forward, level, curvature) in new[] { ("2026-06-20T08:00:00Z", 100_000.0, 0.5, 0.4), ("2026-08-19T08:00:00Z", 100_500.0, 0.55, 0.3) })
        {
            for (double strike = 60_000; strike <= 150_000; strike += 5_000)
            {
                double k = Math.Log(strike / forward), vol = level + curvature * k * k;
                string type = strike < forward ? "put" : "call";
                inputs.Add(string.Create(CultureInfo.InvariantCulture,
                    $$"""{"security_type": "option", "option_type": "{{type}}", "strike": "{{strike}}", "maturity": "{{maturity}}", "bid": "0.01", "ask": "0.011", "iv_bid": "{{vol - 0.01}}", "iv_ask": "{{vol + 0.01}}"}"""));
            }
        }

        string path = Path.Combine(_dir, "chain.json");
        File.WriteAllText(path, $$"""{"asset_curve": {"ref_date": "2026-05-21T08:00:00Z"}, "inputs": [{{string.Join(",\n", inputs)}}]}""");
        return path;
    }

    [Fact]
    public void Fit_prints_one_line_per_expiry_with_parameters_errors_and_checks()
    {
        var (code, stdout, stderr) = Run("surface", "fit", "--chain", WriteSyntheticChain());
        output.WriteLine(stdout);
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Contains("38 quotes in 2 expiries, 0 skipped", stdout);
        Assert.Equal(2, stdout.Split('\n').Count(l => l.StartsWith("2026-", StringComparison.Ordinal) && l.Contains("ok (min g")));
        Assert.Contains("calendar on strikes quoted in both expiries: ok", stdout);
        Assert.Contains("calendar on k in [-3, 3]: ok", stdout);
    }

    [Fact]
    public void Json_output_reports_each_expiry_and_the_calendar_check()
    {
        var (code, stdout, _) = Run("surface", "fit", "--chain", WriteSyntheticChain(), "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        var expiries = doc.RootElement.GetProperty("expiries").EnumerateArray().ToArray();
        Assert.Equal(["2026-06-20", "2026-08-19"], expiries.Select(e => e.GetProperty("expiry").GetString()));
        foreach (var e in expiries)
        {
            Assert.Equal("ok", e.GetProperty("status").GetString());
            Assert.Equal(19, e.GetProperty("quotes").GetInt32());
            Assert.True(e.GetProperty("butterflyFree").GetBoolean());
            // Quadratic-in-k smiles are not exactly SVI, but over ±0.5 in k they are within a fraction of the 1-point half-spread.
            Assert.InRange(e.GetProperty("rmseVolPoints").GetDouble(), 0, 0.5);
            Assert.Equal(1.0, e.GetProperty("medianHalfSpreadVolPoints").GetDouble(), 9);
        }

        var calendar = doc.RootElement.GetProperty("calendar");
        Assert.True(calendar.GetProperty("quotedStrikes").GetProperty("arbitrageFree").GetBoolean());
        Assert.True(calendar.GetProperty("wideRange").GetProperty("arbitrageFree").GetBoolean());
    }

    [Fact]
    public void Out_writes_one_png_per_expiry_and_an_overview()
    {
        string outDir = Path.Combine(_dir, "plots");
        var (code, stdout, _) = Run("surface", "fit", "--chain", WriteSyntheticChain(), "--out", outDir);
        Assert.Equal(0, code);
        string[] files = Directory.GetFiles(outDir, "*.png").Order().ToArray();
        Assert.Equal(["smile_2026-06-20.png", "smile_2026-08-19.png", "surface.png"], files.Select(Path.GetFileName));
        foreach (string file in files)
        {
            byte[] head = File.ReadAllBytes(file)[..8];
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, head);
            Assert.Contains($"wrote {file}", stdout);
        }
    }

    [Fact]
    public void The_real_deribit_chain_fits_every_expiry_within_its_half_spread()
    {
        string? path = RealChain();
        if (path is null)
        {
            output.WriteLine("SKIPPED: ../shared/data/deribit_btc_chain_2026-05-21.json is absent");
            return;
        }

        var (code, stdout, _) = Run("surface", "fit", "--chain", path, "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        var expiries = doc.RootElement.GetProperty("expiries").EnumerateArray().ToArray();
        Assert.Equal(12, expiries.Length);
        foreach (var e in expiries)
        {
            Assert.True(e.GetProperty("butterflyFree").GetBoolean());
            Assert.True(e.GetProperty("rmseVolPoints").GetDouble() < e.GetProperty("medianHalfSpreadVolPoints").GetDouble());
        }

        // Inside the strikes both expiries of each pair quote, the independently fitted slices never cross.
        Assert.True(doc.RootElement.GetProperty("calendar").GetProperty("quotedStrikes").GetProperty("arbitrageFree").GetBoolean());
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("malformed")]
    [InlineData("no-chain")]
    [InlineData("bad-verb")]
    [InlineData("no-verb")]
    [InlineData("unknown-option")]
    public void Bad_input_is_a_one_line_error_with_exit_code_2(string case_)
    {
        string malformed = Path.Combine(_dir, "bad.json");
        File.WriteAllText(malformed, "{\"inputs\": [", Encoding.UTF8);
        string[] args = case_ switch
        {
            "missing" => ["surface", "fit", "--chain", Path.Combine(_dir, "nope.json")],
            "malformed" => ["surface", "fit", "--chain", malformed],
            "no-chain" => ["surface", "fit"],
            "bad-verb" => ["surface", "plot", "--chain", malformed],
            "no-verb" => ["surface"],
            _ => ["surface", "fit", "--chain", malformed, "--colour", "red"],
        };
        string expected = case_ switch
        {
            "missing" => "error: --chain: file '",
            "malformed" => "error: --chain: malformed JSON",
            "no-chain" => "error: missing required option --chain",
            "bad-verb" => "error: unknown surface sub-command 'plot'",
            "no-verb" => "error: surface needs a sub-command",
            _ => "error: unknown option --colour",
        };

        var result = Run(args);
        CliRun.AssertOneLineUsageError(result);
        Assert.StartsWith(expected, result.Err);
    }

    private static string? RealChain()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Ballast.slnx"))) continue;
            string path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "deribit_btc_chain_2026-05-21.json"));
            return File.Exists(path) ? path : null;
        }

        return null;
    }

    [Theory]
    [InlineData("surface", "--help")]
    [InlineData("surface", "fit", "--help")]
    [InlineData("surface", "-h")]
    public void Help_describes_the_fit_and_its_options_and_exits_0(params string[] args)
    {
        var (code, output, error) = CliRun.Invoke(args);

        Assert.Equal(0, code);
        Assert.Empty(error);
        foreach (string word in new[] { "surface fit --chain", "--out", "--json", "rmse_vp", "butterfly", "calendar" })
            Assert.Contains(word, output, StringComparison.Ordinal);
    }
}
