using System.Text.Json;

namespace Ballast.Cli.Tests;

public class SimulateCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Invoke(["simulate", .. args]);

    [Fact]
    public void Avellaneda_Stoikov_preset_prints_both_strategies_as_json()
    {
        var (code, output, _) = Run("--preset", "avellaneda-stoikov", "--gamma", "0.1", "--paths", "200", "--seed", "5", "--json");
        var strategies = JsonDocument.Parse(output).RootElement.GetProperty("strategies");

        Assert.Equal(0, code);
        foreach (string strategy in new[] { "inventory", "symmetric" })
        {
            var s = strategies.GetProperty(strategy);
            foreach (string field in new[] { "spreadMean", "profitMean", "profitStd", "finalInventoryMean", "finalInventoryStd" })
                Assert.True(double.IsFinite(s.GetProperty(field).GetDouble()), $"{strategy}.{field}");
        }

        Assert.True(strategies.GetProperty("inventory").GetProperty("profitStd").GetDouble() < strategies.GetProperty("symmetric").GetProperty("profitStd").GetDouble());
    }

    [Fact]
    public void The_same_seed_prints_byte_identical_json()
    {
        string[] args = ["--preset", "avellaneda-stoikov", "--gamma", "0.01", "--paths", "150", "--seed", "9", "--json"];

        Assert.Equal(Run(args).Out, Run(args).Out);
    }

    [Fact]
    public void Without_json_it_prints_a_table_beside_the_paper_row()
    {
        var (code, output, _) = Run("--preset", "avellaneda-stoikov", "--gamma", "0.1", "--paths", "50");

        Assert.Equal(0, code);
        Assert.Contains("inventory (paper)", output);
        Assert.Contains("62.94", output);
    }

    [Theory]
    [InlineData("--preset", "moonshot", "--gamma", "0.1")]
    [InlineData("--preset", "", "--gamma", "0.1")]
    [InlineData("--preset", "avellaneda-stoikov")]
    [InlineData("--preset", "avellaneda-stoikov", "--gamma", "-0.1")]
    [InlineData("--preset", "avellaneda-stoikov", "--gamma", "0.1", "--paths", "0")]
    [InlineData("--preset", "avellaneda-stoikov", "--gamma", "0.1", "--seed", "x")]
    [InlineData("--preset", "avellaneda-stoikov", "--gamma", "0.1", "--sweep", "gamma=1,2")]
    public void Bad_input_is_a_one_line_error_with_exit_code_2(params string[] args)
    {
        CliRun.AssertOneLineUsageError(Run(args));
    }

    [Fact]
    public void An_unknown_preset_lists_the_known_ones()
    {
        var (_, _, error) = Run("--preset", "moonshot");

        Assert.Equal("error: unknown preset 'moonshot' (known presets: avellaneda-stoikov, btc-2017-2019, calm, crash, default, throughput, toxic-flow)", error.Trim());
    }

    /// <summary>Runs <paramref name="body"/> with a fresh report folder path and deletes the folder afterwards.</summary>
    private static void InTempDir(Action<string> body)
    {
        string dir = Path.Combine(Path.GetTempPath(), "ballast-sim-cli-" + Guid.NewGuid().ToString("N"));
        try
        {
            body(dir);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_scenario_prints_summary_json_and_writes_the_report_folder()
    {
        InTempDir(dir =>
        {
            var (code, output, _) = Run("--preset", "calm", "--days", "3", "--paths", "2", "--out", dir, "--json");
            var cell = JsonDocument.Parse(output).RootElement.GetProperty("cells")[0];

            Assert.Equal(0, code);
            Assert.True(double.IsFinite(cell.GetProperty("pnlMean").GetDouble()));
            Assert.True(cell.GetProperty("traders").GetProperty("noise").GetProperty("tradesMean").GetDouble() > 0);
            Assert.Equal(output.TrimEnd(), File.ReadAllText(Path.Combine(dir, "summary.json")).TrimEnd());
            Assert.True(File.Exists(Path.Combine(dir, "report.html")));
        });
    }

    [Fact]
    public void Summary_json_does_not_depend_on_the_thread_count()
    {
        InTempDir(dir =>
        {
            string[] args = ["--preset", "crash", "--days", "4", "--paths", "3", "--seed", "4", "--out", dir, "--json"];

            string one = Run([.. args, "--threads", "1"]).Out;
            string two = Run([.. args, "--threads", "2"]).Out;

            Assert.Equal(one, two);
        });
    }

    [Fact]
    public void Without_json_it_prints_a_summary_table_and_names_the_report_folder()
    {
        InTempDir(dir =>
        {
            var (code, output, _) = Run("--preset", "toxic-flow", "--days", "2", "--paths", "1", "--out", dir, "--sweep", "informedIntensity=1,4");

            Assert.Equal(0, code);
            Assert.Contains("PnL mean", output);
            Assert.Contains("informedIntensity=4", output);
            Assert.Contains("report: ", output);
        });
    }

    [Fact]
    public void Quiet_prints_nothing()
    {
        InTempDir(dir =>
        {
            var (code, output, error) = Run("--days", "1", "--paths", "1", "--out", dir, "--quiet");

            Assert.Equal(0, code);
            Assert.Empty(output);
            Assert.Empty(error);
        });
    }

    [Theory]
    [InlineData("--preset", "calm", "--vol", "-0.2")]
    [InlineData("--preset", "calm", "--sweep", "noiseIntensity=")]
    [InlineData("--preset", "calm", "--sweep", "moonPhase=1,2")]
    [InlineData("--preset", "calm", "--sweep", "standardSize=-5")]
    [InlineData("--preset", "calm", "--days", "0")]
    [InlineData("--preset", "calm", "--paths", "0")]
    [InlineData("--preset", "btc-2017-2019")]
    [InlineData("--preset", "btc-2017-2019", "--data", "/no/such/file.csv")]
    [InlineData("--preset", "calm", "--frobnicate", "1")]
    [InlineData("--preset", "calm", "--hedge", "sometimes")]
    [InlineData("--preset", "calm", "--hedge", "lyra", "--hedge-cost", "-1")]
    public void Bad_scenario_input_is_a_one_line_error_with_exit_code_2(params string[] args)
    {
        CliRun.AssertOneLineUsageError(Run(args));
    }

    [Fact]
    public void A_malformed_candle_row_is_a_one_line_error_naming_the_line()
    {
        string file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "https://www.CryptoDataDownload.com\nDate,Symbol,Open,High,Low,Close,Volume BTC,Volume USD\n2019-10-17 09-AM,BTCUSD,8000,8100,7900,8050,10,80000\n2019-10-17 08-AM,BTCUSD,abc,8100,7900,8000,10,80000\n");

            var result = Run("--preset", "btc-2017-2019", "--data", file);

            CliRun.AssertOneLineUsageError(result);
            Assert.Contains("line 4", result.Err);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
