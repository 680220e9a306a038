using System.Text.Json;

namespace Ballast.Cli.Tests;

public class QuoteCommandTests
{
    private static string SampleVault() => RepoPaths.Sample("vault.json");

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Invoke(args);

    [Fact]
    public void Quote_prints_every_component_as_json()
    {
        var (code, output, _) = Run("quote", "--vault", SampleVault(), "--series", "ETH-20260626-3000-C", "--side", "buy", "--size", "2", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var q = doc.RootElement;
        foreach (string name in new[] { "premium", "optionPriceFee", "spotPriceFee", "vegaUtilFee", "varianceFee", "inventoryAdjustment",
                     "total", "vol", "newBaseIv", "newSkew", "delta", "gamma", "vega", "theta" })
            Assert.True(q.TryGetProperty(name, out _), $"missing {name}");
        double sum = q.GetProperty("premium").GetDouble() + q.GetProperty("optionPriceFee").GetDouble() + q.GetProperty("spotPriceFee").GetDouble()
                     + q.GetProperty("vegaUtilFee").GetDouble() + q.GetProperty("varianceFee").GetDouble() + q.GetProperty("inventoryAdjustment").GetDouble();
        Assert.Equal(sum, q.GetProperty("total").GetDouble(), 9);
        Assert.Equal(0.804, q.GetProperty("newBaseIv").GetDouble(), 12);
        Assert.Equal(60.0, q.GetProperty("spotPriceFee").GetDouble(), 9); // 0.01 · 3000 · 2
    }

    [Fact]
    public void Quote_prints_a_readable_table_by_default()
    {
        var (code, output, _) = Run("quote", "--vault", SampleVault(), "--series", "ETH-20260626-2750-P", "--side", "sell", "--size", "1");
        Assert.Equal(0, code);
        Assert.Contains("premium", output);
        Assert.Contains("inventoryAdjustment", output);
    }

    [Fact]
    public void A_rejected_quote_reports_its_reason_with_exit_code_2()
    {
        var (code, output, _) = Run("quote", "--vault", SampleVault(), "--series", "ETH-20260626-3000-C", "--side", "buy", "--size", "1000", "--json");
        Assert.Equal(2, code);
        using var doc = JsonDocument.Parse(output);
        Assert.False(string.IsNullOrEmpty(doc.RootElement.GetProperty("rejection").GetString()));
    }

    [Fact]
    public void An_unlisted_series_is_a_usage_error()
    {
        var result = Run("quote", "--vault", SampleVault(), "--series", "ETH-20260626-3100-C", "--side", "buy", "--size", "1");
        CliRun.AssertOneLineUsageError(result);
        Assert.StartsWith("error: --series", result.Err);
    }

    [Fact]
    public void A_missing_vault_file_is_a_usage_error()
    {
        var result = Run("quote", "--vault", "/nonexistent/vault.json", "--series", "ETH-20260626-3000-C", "--side", "buy", "--size", "1");
        CliRun.AssertOneLineUsageError(result);
        Assert.StartsWith("error: --vault", result.Err);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_names_every_option_and_printed_component_and_exits_0(string flag)
    {
        var (code, output, error) = Run("quote", flag);

        Assert.Equal(0, code);
        Assert.Empty(error);
        foreach (string word in new[] { "--vault", "--series", "--side", "--size", "--json", "premium", "optionPriceFee", "spotPriceFee",
                     "vegaUtilFee", "varianceFee", "inventoryAdjustment", "total", "newBaseIv", "newSkew", "samples/vault.json" })
            Assert.Contains(word, output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_vault_file_is_a_one_line_error_even_when_the_parser_quotes_several_lines()
    {
        string path = Path.Combine(Path.GetTempPath(), $"ballast-bad-vault-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "not json\nat all\n");
        try
        {
            var result = Run("quote", "--vault", path, "--series", "ETH-20260626-3000-C", "--side", "buy", "--size", "1");
            CliRun.AssertOneLineUsageError(result);
            Assert.StartsWith("error: --vault", result.Err);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
