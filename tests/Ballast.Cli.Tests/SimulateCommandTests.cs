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
    [InlineData("--gamma", "0.1")]
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

        Assert.Equal("error: unknown preset 'moonshot' (known presets: avellaneda-stoikov)", error.Trim());
    }
}
