using System.Text.Json;

namespace Ballast.Cli.Tests;

public sealed class PoolCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ballast-pool-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string json)
    {
        string path = Path.Combine(_dir, "tranches.json");
        File.WriteAllText(path, json);
        return path;
    }

    private string TwoTranches() => Write("""
        { "tranches": [
            { "name": "senior", "priority": 0, "targetApr": 0.05, "shares": 1000000, "targetSharePrice": 1.0 },
            { "name": "junior", "priority": 1, "shares": 500000 } ] }
        """);

    [Fact]
    public void Waterfall_pays_the_senior_its_target_and_gives_the_junior_the_residual()
    {
        var (code, stdout, stderr) = CliRun.Invoke("pool", "waterfall", "--nav", "1400000", "--tranches", TwoTranches());
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        var lines = stdout.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("senior", StringComparison.Ordinal) && l.Contains("1000000.00") && l.TrimEnd().EndsWith("1.000000", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("junior", StringComparison.Ordinal) && l.Contains("400000.00") && l.TrimEnd().EndsWith("0.800000", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_output_gives_claims_that_sum_to_the_nav_and_junior_takes_the_loss()
    {
        var (code, stdout, _) = CliRun.Invoke("pool", "waterfall", "--nav", "1100000", "--tranches", TwoTranches(), "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        var tranches = doc.RootElement.GetProperty("tranches").EnumerateArray().ToArray();
        Assert.Equal(1_000_000m, tranches[0].GetProperty("claim").GetDecimal());
        Assert.Equal(100_000m, tranches[1].GetProperty("claim").GetDecimal());
        Assert.Equal(0.2m, tranches[1].GetProperty("sharePrice").GetDecimal());
        Assert.Equal(1_100_000m, tranches.Sum(t => t.GetProperty("claim").GetDecimal()));
        Assert.False(doc.RootElement.GetProperty("insolvent").GetBoolean());
    }

    [Fact]
    public void Elapsed_time_accrues_the_senior_target()
    {
        string path = Write("""
            { "elapsedSeconds": 31536000, "tranches": [
                { "name": "senior", "priority": 0, "targetApr": 0.05, "shares": 1000, "targetSharePrice": 1 },
                { "name": "junior", "priority": 1, "shares": 1000 } ] }
            """);
        var (_, stdout, _) = CliRun.Invoke("pool", "waterfall", "--nav", "2000", "--tranches", path, "--json");
        using var doc = JsonDocument.Parse(stdout);
        var t = doc.RootElement.GetProperty("tranches").EnumerateArray().ToArray();
        Assert.Equal(1050m, t[0].GetProperty("claim").GetDecimal());
        Assert.Equal(1.05m, t[0].GetProperty("sharePrice").GetDecimal());
        Assert.Equal(0.95m, t[1].GetProperty("sharePrice").GetDecimal());
    }

    [Fact]
    public void A_negative_nav_is_reported_as_insolvency_with_zero_claims()
    {
        var (code, stdout, _) = CliRun.Invoke("pool", "waterfall", "--nav", "-250", "--tranches", TwoTranches(), "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        Assert.True(doc.RootElement.GetProperty("insolvent").GetBoolean());
        Assert.Equal(250m, doc.RootElement.GetProperty("deficit").GetDecimal());
        Assert.All(doc.RootElement.GetProperty("tranches").EnumerateArray(), t => Assert.Equal(0m, t.GetProperty("sharePrice").GetDecimal()));
        var text = CliRun.Invoke("pool", "waterfall", "--nav", "-250", "--tranches", TwoTranches());
        Assert.Contains("INSOLVENT", text.Out);
    }

    [Fact]
    public void The_shipped_sample_runs()
    {
        string sample = RepoPaths.Sample("tranches.json");
        Assert.True(File.Exists(sample), $"samples/tranches.json missing at {sample}");
        var (code, stdout, _) = CliRun.Invoke("pool", "waterfall", "--nav", "1400000", "--tranches", sample);
        Assert.Equal(0, code);
        Assert.Contains("mezzanine", stdout);
    }

    [Theory]
    [InlineData("""{ "tranches": [] }""", "at least one tranche")]
    [InlineData("""{ "tranches": [ { "name": "a", "priority": 0, "targetApr": 0.05, "shares": 1 } ] }""", "most junior")]
    [InlineData("""{ "tranches": [ { "name": "a", "priority": 0, "shares": -1 } ] }""", "negative shares")]
    [InlineData("""{ "tranches": [ { "name": "a", "shares": 1 } ] }""", "priority")]
    [InlineData("""not json""", "not a valid tranche file")]
    [InlineData("""{ "pools": [] }""", "\"tranches\" array")]
    public void Bad_tranche_files_are_one_line_usage_errors(string json, string message)
    {
        var result = CliRun.Invoke("pool", "waterfall", "--nav", "100", "--tranches", Write(json));
        CliRun.AssertOneLineUsageError(result);
        Assert.Contains(message, result.Err);
    }

    [Fact]
    public void Bad_arguments_are_one_line_usage_errors()
    {
        CliRun.AssertOneLineUsageError(CliRun.Invoke("pool"));
        CliRun.AssertOneLineUsageError(CliRun.Invoke("pool", "drain"));
        CliRun.AssertOneLineUsageError(CliRun.Invoke("pool", "waterfall", "--tranches", TwoTranches()));
        CliRun.AssertOneLineUsageError(CliRun.Invoke("pool", "waterfall", "--nav", "abc", "--tranches", TwoTranches()));
        CliRun.AssertOneLineUsageError(CliRun.Invoke("pool", "waterfall", "--nav", "1", "--tranches", Path.Combine(_dir, "missing.json")));
        CliRun.AssertOneLineUsageError(CliRun.Invoke("pool", "waterfall", "--nav", "1", "--tranches", TwoTranches(), "--bogus", "1"));
    }
}
