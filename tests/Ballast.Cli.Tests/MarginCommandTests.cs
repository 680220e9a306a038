using System.Text.Json;

namespace Ballast.Cli.Tests;

public sealed class MarginCommandTests : IDisposable
{
    private readonly List<string> _tempFiles = [];

    public void Dispose()
    {
        foreach (string f in _tempFiles) File.Delete(f);
    }

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Invoke(args);

    private string TempJson(string json)
    {
        string path = Path.Combine(Path.GetTempPath(), $"ballast-margin-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        _tempFiles.Add(path);
        return path;
    }

    private static string SamplePath() => RepoPaths.Sample("account.json");

    private const string ShortPut = """
        { "spot": 3000, "collateral": { "quote": 1000 },
          "positions": [ { "type": "put", "strike": 2900, "expiryDays": 30, "quantity": -1, "mark": 60, "vol": 0.6 } ] }
        """;

    [Fact]
    public void Standard_margin_of_a_short_put_is_printed_with_balances_and_requirements()
    {
        // IM requirement 450, MM requirement 330 (StandardMarginTests): balances 550 and 670.
        var (code, output, err) = Run("margin", "--account", TempJson(ShortPut));
        Assert.Equal(0, code);
        Assert.Equal("", err);
        Assert.Contains("initial margin      550.00000000   (requirement 450.00000000)", output);
        Assert.Contains("maintenance margin  670.00000000   (requirement 330.00000000)", output);
        Assert.Contains("status              healthy", output);
    }

    [Fact]
    public void Json_output_carries_the_same_numbers_and_one_entry_per_position()
    {
        var (code, output, _) = Run("margin", "--account", TempJson(ShortPut), "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(550m, doc.RootElement.GetProperty("initialMargin").GetDecimal());
        Assert.Equal(330m, doc.RootElement.GetProperty("maintenanceRequirement").GetDecimal());
        Assert.False(doc.RootElement.GetProperty("liquidatable").GetBoolean());
        Assert.Equal(1, doc.RootElement.GetProperty("positions").GetArrayLength());
    }

    [Fact]
    public void Mode_option_overrides_the_file_and_portfolio_reports_the_worst_grid_scenario()
    {
        var (code, output, _) = Run("margin", "--account", TempJson(ShortPut), "--mode", "portfolio");
        Assert.Equal(0, code);
        Assert.Contains("mode                portfolio", output);
        Assert.Contains("worst scenario      spot -54.0 %", output);
    }

    [Fact]
    public void The_shipped_sample_account_runs_in_both_modes()
    {
        string sample = SamplePath();
        Assert.Equal(0, Run("margin", "--account", sample).Code);
        Assert.Equal(0, Run("margin", "--account", sample, "--mode", "portfolio", "--json").Code);
    }

    [Theory]
    [InlineData("{ not json", "not valid JSON")]
    [InlineData("[]", "top level must be an object")]
    [InlineData("""{ "positions": [] }""", "spot: missing")]
    [InlineData("""{ "spot": "high" }""", "spot: '\"high\"' is not a finite number")]
    [InlineData("""{ "spot": 3000, "positions": [ { "type": "straddle" } ] }""", "positions[0].type: 'straddle' is not call|put")]
    [InlineData("""{ "spot": 3000, "positions": [ { "type": "put", "strike": 2900, "quantity": -1, "vol": 0.5 } ] }""", "exactly one of expiryDays, expiryYears")]
    [InlineData("""{ "spot": 3000, "positions": [ { "type": "put", "strike": -2900, "expiryDays": 30, "quantity": -1, "vol": 0.5 } ] }""", "strike -2900 must be in")]
    [InlineData("""{ "spot": 3000, "collateral": { "quote": "lots" } }""", "collateral.quote")]
    [InlineData("""{ "spot": 3000, "mode": "cross" }""", "'cross' is not one of standard|portfolio")]
    public void Bad_account_files_are_a_one_line_error_with_exit_code_2(string json, string expected)
    {
        var result = Run("margin", "--account", TempJson(json));
        CliRun.AssertOneLineUsageError(result);
        Assert.Contains(expected, result.Err);
    }

    [Fact]
    public void Missing_file_unknown_option_and_bad_mode_are_usage_errors()
    {
        foreach (var args in new[]
                 {
                     new[] { "margin" },
                     ["margin", "--account", "/nonexistent/account.json"],
                     ["margin", "--account", TempJson(ShortPut), "--bogus", "1"],
                     ["margin", "--account", TempJson(ShortPut), "--mode", "cross"],
                 })
        {
            CliRun.AssertOneLineUsageError(Run(args));
        }
    }
}
