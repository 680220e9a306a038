using System.Text.Json;
using Ballast.Pricing;
using Ballast.Pricing.American;

namespace Ballast.Cli.Tests;

public sealed class PriceCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private static readonly string[] GreekNames = ["price", "delta", "gamma", "vega", "theta", "rho"];

    [Fact]
    public void Json_output_is_one_object_with_the_Black_Scholes_Merton_price_and_Greeks()
    {
        var (code, output, err) = CliHarness.Run("price", "--type", "call", "--spot", "100", "--strike", "95", "--rate", "0.05", "--div", "0.02", "--time", "0.5", "--vol", "0.25", "--json");
        Assert.Equal(0, code);
        Assert.Equal("", err);
        Assert.Single(output.TrimEnd().Split('\n'));
        var expected = BlackScholesMerton.Greeks(OptionType.Call, 100, 95, 0.05, 0.02, 0.5, 0.25);
        AssertJsonGreeks(output, expected, includesTheta: true);
    }

    [Theory]
    [InlineData("baw")]
    [InlineData("bjs")]
    public void American_models_print_their_approximation_and_finite_difference_Greeks(string model)
    {
        var (code, output, _) = CliHarness.Run("price", "--type", "put", "--spot", "90", "--strike", "100", "--rate", "0.08", "--div", "0.01", "--time", "1", "--vol", "0.3", "--model", model, "--json");
        Assert.Equal(0, code);
        var expected = model == "baw"
            ? BaroneAdesiWhaley.Greeks(OptionType.Put, 90, 100, 0.08, 0.01, 1, 0.3)
            : BjerksundStensland.Greeks(OptionType.Put, 90, 100, 0.08, 0.01, 1, 0.3);
        AssertJsonGreeks(output, expected, includesTheta: true);
        Assert.True(expected.Price > BlackScholesMerton.Price(OptionType.Put, 90, 100, 0.08, 0.01, 1, 0.3));
    }

    [Fact]
    public void Black76_takes_a_forward_and_is_chosen_by_default_when_only_a_forward_is_given()
    {
        var explicitModel = CliHarness.Run("price", "--type", "put", "--forward", "105", "--strike", "100", "--rate", "0.03", "--time", "2", "--vol", "0.4", "--model", "black76", "--json");
        var inferred = CliHarness.Run("price", "--type", "put", "--forward", "105", "--strike", "100", "--rate", "0.03", "--time", "2", "--vol", "0.4", "--json");
        Assert.Equal(0, explicitModel.Code);
        Assert.Equal(explicitModel.Out, inferred.Out);
        AssertJsonGreeks(explicitModel.Out, Black76.Greeks(OptionType.Put, 105, 100, 0.03, 2, 0.4), includesTheta: true);
    }

    [Fact]
    public void American_theta_is_omitted_at_expiry_because_the_model_cannot_give_it()
    {
        var (code, output, _) = CliHarness.Run("price", "--type", "call", "--spot", "110", "--strike", "100", "--rate", "0.05", "--time", "0", "--vol", "0.2", "--model", "baw", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.False(doc.RootElement.TryGetProperty("theta", out _));
        Assert.Equal(10.0, doc.RootElement.GetProperty("price").GetDouble());
        Assert.Equal(1.0, doc.RootElement.GetProperty("delta").GetDouble());
    }

    [Fact]
    public void Plain_output_is_one_readable_line()
    {
        var (code, output, _) = CliHarness.Run("price", "--type", "call", "--spot", "100", "--strike", "100", "--rate", "0", "--time", "1", "--vol", "0.2");
        Assert.Equal(0, code);
        Assert.StartsWith("price 7.965567  delta 0.539828", output);
    }

    [Fact]
    public void Csv_rows_in_any_column_order_are_priced_with_their_own_model_and_written_back_with_Greeks()
    {
        string path = _cli.WriteFile("options.csv",
            "vol,t,r,q,spot,strike,type,model,forward",
            "0.25,0.5,0.05,0.02,100,95,call,,",
            "0.3,1,0.08,0.01,90,100,put,baw,",
            "0.3,1,0.08,0.01,90,100,put,bjs,",
            "0.4,2,0.03,,,100,put,black76,105",
            "",
            "0.2,1,0.05,0,100,100,CALL,BSM,");
        var (code, output, err) = CliHarness.Run("price", "--csv", path);
        Assert.Equal(0, code);
        Assert.Equal("", err);
        var (header, rows) = CliHarness.ParseCsv(output);
        Assert.Equal(["vol", "t", "r", "q", "spot", "strike", "type", "model", "forward", .. GreekNames], header);
        Assert.Equal(5, rows.Count);
        Assert.Equal(["0.25", "0.5", "0.05", "0.02", "100", "95", "call", "", ""], rows[0][..9]);
        OptionGreeks[] expected =
        [
            BlackScholesMerton.Greeks(OptionType.Call, 100, 95, 0.05, 0.02, 0.5, 0.25),
            BaroneAdesiWhaley.Greeks(OptionType.Put, 90, 100, 0.08, 0.01, 1, 0.3),
            BjerksundStensland.Greeks(OptionType.Put, 90, 100, 0.08, 0.01, 1, 0.3),
            Black76.Greeks(OptionType.Put, 105, 100, 0.03, 2, 0.4),
            BlackScholesMerton.Greeks(OptionType.Call, 100, 100, 0.05, 0, 1, 0.2),
        ];
        for (int i = 0; i < rows.Count; i++)
        {
            double[] values = rows[i][9..].Select(CliHarness.Number).ToArray();
            // Round-trip formatting: the printed numbers are the library's doubles exactly.
            Assert.Equal(new[] { expected[i].Price, expected[i].Delta, expected[i].Gamma, expected[i].Vega, expected[i].Theta, expected[i].Rho }, values);
        }
    }

    [Fact]
    public void Help_describes_the_options_and_exits_0()
    {
        var (code, output, _) = CliHarness.Run("price", "--help");
        Assert.Equal(0, code);
        Assert.Contains("--model", output);
        Assert.Contains("--csv", output);
    }

    [Theory]
    [InlineData("missing type", "--type", "--spot", "100", "--strike", "100", "--rate", "0.05", "--time", "1", "--vol", "0.2")]
    [InlineData("bad type", "--type: 'straddle'", "--type", "straddle", "--spot", "100", "--strike", "100", "--rate", "0.05", "--time", "1", "--vol", "0.2")]
    [InlineData("missing spot", "--spot: missing", "--type", "call", "--strike", "100", "--rate", "0.05", "--time", "1", "--vol", "0.2")]
    [InlineData("missing vol", "--vol: missing", "--type", "call", "--spot", "100", "--strike", "100", "--rate", "0.05", "--time", "1")]
    [InlineData("missing rate", "--rate: missing", "--type", "call", "--spot", "100", "--strike", "100", "--time", "1", "--vol", "0.2")]
    [InlineData("negative spot", "--spot: must be > 0", "--type", "call", "--spot", "-100", "--strike", "100", "--rate", "0.05", "--time", "1", "--vol", "0.2")]
    [InlineData("zero strike", "--strike: must be > 0", "--type", "call", "--spot", "100", "--strike", "0", "--rate", "0.05", "--time", "1", "--vol", "0.2")]
    [InlineData("negative time", "--time: must be ≥ 0", "--type", "call", "--spot", "100", "--strike", "100", "--rate", "0.05", "--time", "-1", "--vol", "0.2")]
    [InlineData("negative vol", "--vol: must be ≥ 0", "--type", "call", "--spot", "100", "--strike", "100", "--rate", "0.05", "--time", "1", "--vol", "-0.2")]
    [InlineData("NaN vol", "--vol: 'NaN' is not a finite number", "--type", "call", "--spot", "100", "--strike", "100", "--rate", "0.05", "--time", "1", "--vol", "NaN")]
    [InlineData("infinite rate", "--rate: 'Infinity'", "--type", "call", "--spot", "100", "--strike", "100", "--rate", "Infinity", "--time", "1", "--vol", "0.2")]
    [InlineData("unparseable spot", "--spot: '1,5'", "--type", "call", "--spot", "1,5", "--strike", "100", "--rate", "0.05", "--time", "1", "--vol", "0.2")]
    [InlineData("unknown option", "unknown option --colour", "--type", "call", "--spot", "100", "--strike", "100", "--rate", "0.05", "--time", "1", "--vol", "0.2", "--colour", "red")]
    [InlineData("unknown model", "--model: 'heston'", "--type", "call", "--spot", "100", "--strike", "100", "--rate", "0.05", "--time", "1", "--vol", "0.2", "--model", "heston")]
    [InlineData("forward with bsm", "--forward: only used by the black76 model", "--type", "call", "--spot", "100", "--forward", "101", "--strike", "100", "--rate", "0.05", "--time", "1", "--vol", "0.2")]
    [InlineData("spot with black76", "--spot: not used by the black76 model", "--type", "call", "--spot", "100", "--forward", "101", "--strike", "100", "--rate", "0.05", "--time", "1", "--vol", "0.2", "--model", "black76")]
    [InlineData("div with black76", "--div: not used by the black76 model", "--type", "call", "--forward", "101", "--div", "0.02", "--strike", "100", "--rate", "0.05", "--time", "1", "--vol", "0.2")]
    [InlineData("black76 without forward", "--forward: missing", "--type", "call", "--strike", "100", "--rate", "0.05", "--time", "1", "--vol", "0.2", "--model", "black76")]
    [InlineData("negative forward", "--forward: must be > 0", "--type", "call", "--forward", "-5", "--strike", "100", "--rate", "0.05", "--time", "1", "--vol", "0.2")]
    [InlineData("option twice", "--spot given more than once", "--type", "call", "--spot", "100", "--spot", "101", "--strike", "100", "--rate", "0.05", "--time", "1", "--vol", "0.2")]
    [InlineData("bare argument", "unexpected argument 'call'", "call", "--spot", "100")]
    [InlineData("option without value", "--vol needs a value", "--type", "call", "--spot", "100", "--strike", "100", "--rate", "0.05", "--time", "1", "--vol")]
    [InlineData("json with csv", "--json cannot be combined with --csv", "--csv", "x.csv", "--json")]
    [InlineData("spot with csv", "--spot cannot be combined with --csv", "--csv", "x.csv", "--spot", "100")]
    [InlineData("csv file not found", "--csv: file", "--csv", "/nonexistent/ballast/options.csv")]
    public void Bad_arguments_are_a_one_line_error_naming_the_argument_with_exit_code_2(string because, string fragment, params string[] args)
    {
        _ = because;
        CliHarness.AssertUserError(CliHarness.Run(["price", .. args]), fragment);
    }

    [Theory]
    [InlineData("unknown column", "header, column 8: unknown column 'colour'", "type,strike,spot,q,r,t,vol,colour", "call,100,100,0,0.05,1,0.2,red")]
    [InlineData("missing required column", "header: missing required column 'vol'", "type,strike,spot,q,r,t", "call,100,100,0,0.05,1")]
    [InlineData("duplicate column", "column 'spot' appears twice", "type,strike,spot,q,r,t,vol,spot", "call,100,100,0,0.05,1,0.2,100")]
    [InlineData("unparseable cell", "row 2 (line 3), column 'vol': 'abc' is not a finite number", "type,strike,spot,q,r,t,vol", "call,100,100,0,0.05,1,0.2", "put,100,100,0,0.05,1,abc")]
    [InlineData("NaN cell", "row 1 (line 2), column 'r': 'NaN' is not a finite number", "type,strike,spot,q,r,t,vol", "call,100,100,0,NaN,1,0.2")]
    [InlineData("negative strike", "row 1 (line 2), column 'strike': must be > 0", "type,strike,spot,q,r,t,vol", "call,-100,100,0,0.05,1,0.2")]
    [InlineData("negative vol", "row 1 (line 2), column 'vol': must be ≥ 0", "type,strike,spot,q,r,t,vol", "call,100,100,0,0.05,1,-0.2")]
    [InlineData("empty required cell", "row 1 (line 2), column 'spot': missing required value", "type,strike,spot,q,r,t,vol", "call,100,,0,0.05,1,0.2")]
    [InlineData("bad type cell", "row 1 (line 2), column 'type': 'c' is not one of call|put", "type,strike,spot,q,r,t,vol", "c,100,100,0,0.05,1,0.2")]
    [InlineData("bad model cell", "row 1 (line 2), column 'model': 'sabr'", "type,strike,spot,q,r,t,vol,model", "call,100,100,0,0.05,1,0.2,sabr")]
    [InlineData("black76 row without forward", "row 1 (line 2), column 'forward': missing required value", "type,strike,spot,q,r,t,vol,model,forward", "call,100,,,0.05,1,0.2,black76,")]
    [InlineData("too few cells", "row 1 (line 2): 6 cells but the header has 7 columns", "type,strike,spot,q,r,t,vol", "call,100,100,0,0.05,1")]
    [InlineData("no header", "no header line", "# only a comment")]
    public void Bad_csv_input_is_a_one_line_error_naming_the_row_and_column_with_exit_code_2_and_no_partial_output(string because, string fragment, params string[] lines)
    {
        _ = because;
        string path = _cli.WriteFile("bad.csv", lines);
        CliHarness.AssertUserError(CliHarness.Run("price", "--csv", path), fragment);
    }

    private static void AssertJsonGreeks(string json, OptionGreeks expected, bool includesTheta)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal(includesTheta ? GreekNames : GreekNames.Where(n => n != "theta").ToArray(), root.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(expected.Price, root.GetProperty("price").GetDouble());
        Assert.Equal(expected.Delta, root.GetProperty("delta").GetDouble());
        Assert.Equal(expected.Gamma, root.GetProperty("gamma").GetDouble());
        Assert.Equal(expected.Vega, root.GetProperty("vega").GetDouble());
        if (includesTheta) Assert.Equal(expected.Theta, root.GetProperty("theta").GetDouble());
        Assert.Equal(expected.Rho, root.GetProperty("rho").GetDouble());
    }
}
