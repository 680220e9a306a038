using System.Text.Json;
using Ballast.Pricing;

namespace Ballast.Cli.Tests;

public sealed class IvCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("call", 100, 100, 0.05, 0.02, 1.0, 0.2)]
    [InlineData("put", 100, 80, 0.01, 0.0, 0.25, 0.65)]
    [InlineData("call", 3000, 4500, 0.0, 0.0, 0.1, 1.1)]
    public void Json_vol_recovers_the_volatility_that_produced_a_Black_Scholes_price(string type, double spot, double strike, double r, double q, double t, double vol)
    {
        var optionType = type == "call" ? OptionType.Call : OptionType.Put;
        string price = BlackScholesMerton.Price(optionType, spot, strike, r, q, t, vol).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        var (code, output, err) = CliHarness.Run("iv", "--type", type, "--spot", F(spot), "--div", F(q), "--strike", F(strike), "--rate", F(r), "--time", F(t), "--price", price, "--json");
        Assert.Equal(0, code);
        Assert.Equal("", err);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(["vol"], doc.RootElement.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(vol, doc.RootElement.GetProperty("vol").GetDouble(), 1e-8);
    }

    [Fact]
    public void A_forward_selects_Black76_and_plain_output_is_one_line()
    {
        string price = F(Black76.Price(OptionType.Put, 105, 100, 0.03, 2, 0.4));
        var (code, output, _) = CliHarness.Run("iv", "--type", "put", "--forward", "105", "--strike", "100", "--rate", "0.03", "--time", "2", "--price", price);
        Assert.Equal(0, code);
        Assert.StartsWith("vol ", output);
        Assert.Equal(0.4, CliHarness.Number(output.Trim()[4..]), 1e-8);
        var explicitModel = CliHarness.Run("iv", "--type", "put", "--forward", "105", "--strike", "100", "--rate", "0.03", "--time", "2", "--price", price, "--model", "black76");
        Assert.Equal(output, explicitModel.Out);
    }

    [Theory]
    [InlineData("below intrinsic", ImpliedVolError.PriceBelowIntrinsic, "call", 150, 5)]
    [InlineData("above the forward", ImpliedVolError.PriceAboveMaximum, "call", 100, 150)]
    [InlineData("put above the strike", ImpliedVolError.PriceAboveMaximum, "put", 100, 120)]
    public void An_arbitrage_violating_price_is_a_one_line_error_with_exit_code_2(string because, ImpliedVolError error, string type, double spot, double price)
    {
        _ = because;
        // The message is the library's (ImpliedVolResult.Message), so the CLI names the argument and adds nothing else.
        var optionType = type == "call" ? OptionType.Call : OptionType.Put;
        var result = ImpliedVolatility.ForBlackScholes(optionType, price, spot, 100, 0, 0, 1);
        Assert.Equal(error, result.Error);
        CliHarness.AssertUserError(CliHarness.Run("iv", "--type", type, "--spot", F(spot), "--strike", "100", "--rate", "0", "--time", "1", "--price", F(price)), "--price: " + result.Message);
    }

    [Fact]
    public void Csv_rows_get_a_vol_and_arbitrage_violating_rows_get_an_empty_vol_and_an_error_text()
    {
        string goodPrice = F(BlackScholesMerton.Price(OptionType.Call, 100, 110, 0.05, 0.01, 0.5, 0.33));
        string forwardPrice = F(Black76.Price(OptionType.Put, 2000, 1800, 0.0, 0.2, 0.9));
        string path = _cli.WriteFile("prices.csv",
            "price,type,strike,spot,q,r,t,forward,model",
            $"{goodPrice},call,110,100,0.01,0.05,0.5,,",
            "40,call,100,150,0,0,1,,",
            $"{forwardPrice},put,1800,,,0,0.2,2000,black76");
        var (code, output, err) = CliHarness.Run("iv", "--csv", path);
        Assert.Equal(0, code);
        Assert.Equal("", err);
        var (header, rows) = CliHarness.ParseCsv(output);
        Assert.Equal(["price", "type", "strike", "spot", "q", "r", "t", "forward", "model", "vol", "error"], header);
        Assert.Equal(3, rows.Count);
        Assert.Equal(0.33, CliHarness.Number(rows[0][9]), 1e-8);
        Assert.Equal("", rows[0][10]);
        Assert.Equal("", rows[1][9]);
        Assert.Equal(ImpliedVolatility.ForBlackScholes(OptionType.Call, 40, 150, 100, 0, 0, 1).Message, rows[1][10]);
        Assert.Equal(0.9, CliHarness.Number(rows[2][9]), 1e-8);
    }

    [Fact]
    public void Iv_is_listed_in_the_command_table()
    {
        var (code, output, _) = CliHarness.Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("  iv ", output);
        Assert.Contains("  price ", output);
    }

    [Fact]
    public void Help_documents_the_arbitrage_policy_and_exits_0()
    {
        var (code, output, _) = CliHarness.Run("iv", "--help");
        Assert.Equal(0, code);
        Assert.Contains("error column", output);
        Assert.Contains("no-arbitrage", output);
    }

    [Theory]
    [InlineData("missing price", "--price: missing", "--type", "call", "--spot", "100", "--strike", "100", "--rate", "0.05", "--time", "1")]
    [InlineData("negative price", "--price: must be ≥ 0", "--type", "call", "--spot", "100", "--strike", "100", "--rate", "0.05", "--time", "1", "--price", "-1")]
    [InlineData("NaN price", "--price: 'NaN' is not a finite number", "--type", "call", "--spot", "100", "--strike", "100", "--rate", "0.05", "--time", "1", "--price", "NaN")]
    [InlineData("zero time", "--time: must be > 0 years", "--type", "call", "--spot", "100", "--strike", "100", "--rate", "0.05", "--time", "0", "--price", "5")]
    [InlineData("negative time", "--time: must be ≥ 0", "--type", "call", "--spot", "100", "--strike", "100", "--rate", "0.05", "--time", "-1", "--price", "5")]
    [InlineData("missing type", "--type: missing", "--spot", "100", "--strike", "100", "--rate", "0.05", "--time", "1", "--price", "5")]
    [InlineData("neither spot nor forward", "--spot: missing", "--type", "call", "--strike", "100", "--rate", "0.05", "--time", "1", "--price", "5")]
    [InlineData("both spot and forward", "--forward: only used by the black76 model", "--type", "call", "--spot", "100", "--forward", "100", "--strike", "100", "--rate", "0.05", "--time", "1", "--price", "5")]
    [InlineData("american model", "--model: 'baw' is not one of bsm|black76", "--type", "call", "--spot", "100", "--strike", "100", "--rate", "0.05", "--time", "1", "--price", "5", "--model", "baw")]
    [InlineData("vol is not an input", "unknown option --vol", "--type", "call", "--spot", "100", "--strike", "100", "--rate", "0.05", "--time", "1", "--price", "5", "--vol", "0.2")]
    [InlineData("zero spot", "--spot: must be > 0", "--type", "call", "--spot", "0", "--strike", "100", "--rate", "0.05", "--time", "1", "--price", "5")]
    [InlineData("price with csv", "--price cannot be combined with --csv", "--csv", "x.csv", "--price", "5")]
    public void Bad_arguments_are_a_one_line_error_naming_the_argument_with_exit_code_2(string because, string fragment, params string[] args)
    {
        _ = because;
        CliHarness.AssertUserError(CliHarness.Run(["iv", .. args]), fragment);
    }

    [Theory]
    [InlineData("vol column", "unknown column 'vol'", "type,strike,spot,q,r,t,price,vol", "call,100,100,0,0.05,1,5,0.2")]
    [InlineData("missing price column", "missing required column 'price'", "type,strike,spot,q,r,t", "call,100,100,0,0.05,1")]
    [InlineData("negative price cell", "row 1 (line 2), column 'price': must be ≥ 0", "type,strike,spot,q,r,t,price", "call,100,100,0,0.05,1,-5")]
    [InlineData("unparseable time", "row 2 (line 4), column 't': 'one' is not a finite number", "type,strike,spot,q,r,t,price", "call,100,100,0,0.05,1,5", "# a comment line", "call,100,100,0,0.05,one,5")]
    [InlineData("zero time", "row 1 (line 2), column 't': must be > 0 years", "type,strike,spot,q,r,t,price", "call,100,100,0,0.05,0,5")]
    public void Bad_csv_input_is_a_one_line_error_naming_the_row_and_column_with_exit_code_2(string because, string fragment, params string[] lines)
    {
        _ = because;
        string path = _cli.WriteFile("bad.csv", lines);
        CliHarness.AssertUserError(CliHarness.Run("iv", "--csv", path), fragment);
    }

    private static string F(double x) => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
