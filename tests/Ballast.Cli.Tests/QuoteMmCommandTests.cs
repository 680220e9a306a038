using System.Text.Json;

namespace Ballast.Cli.Tests;

public class QuoteMmCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Invoke(["quote-mm", .. args]);

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    [Fact]
    public void Avellaneda_Stoikov_json_has_bid_ask_reservation_and_spread()
    {
        // r = 100 − 2·0.1·4·0.5 = 99.6; spread = 0.2 + 20·ln(16/15) = 1.49077042275142343.
        var (code, output, _) = Run("--model", "as", "--mid", "100", "--inventory", "2", "--sigma", "2", "--gamma", "0.1", "--k", "1.5", "--time-left", "0.5", "--json");
        var json = Json(output);

        Assert.Equal(0, code);
        Assert.Equal(99.6, json.GetProperty("reservation").GetDouble(), 1e-12);
        Assert.Equal(1.49077042275142343, json.GetProperty("spread").GetDouble(), 1e-12);
        Assert.Equal(98.8546147886242883, json.GetProperty("bid").GetDouble(), 1e-12);
        Assert.Equal(100.345385211375712, json.GetProperty("ask").GetDouble(), 1e-12);
    }

    [Fact]
    public void Glft_json_matches_the_closed_form_asymptotics()
    {
        // Hand computation in MarketMakingModelTests: bid 99.2770389644413393, ask 100.619526603314729.
        var (code, output, _) = Run("--model", "glft", "--mid", "100", "--inventory", "1", "--sigma", "2", "--gamma", "0.1", "--k", "1.5", "--A", "140", "--json");
        var json = Json(output);

        Assert.Equal(0, code);
        Assert.Equal(99.2770389644413393, json.GetProperty("bid").GetDouble(), 1e-12);
        Assert.Equal(100.619526603314729, json.GetProperty("ask").GetDouble(), 1e-12);
    }

    [Fact]
    public void Symmetric_quote_defaults_to_one_unit_of_time_left_and_prints_a_readable_line()
    {
        // spread = 0.1·4·1 + 20·ln(16/15) = 1.69077; around mid 100 → bid 99.154615, ask 100.845385.
        var (code, output, _) = Run("--model", "symmetric", "--mid", "100", "--inventory", "5", "--sigma", "2", "--gamma", "0.1", "--k", "1.5");

        Assert.Equal(0, code);
        Assert.Equal("bid 99.154615  ask 100.845385  reservation 100.000000  spread 1.690770", output.Trim());
    }

    [Theory]
    [InlineData("--model", "as", "--mid", "100", "--inventory", "0", "--sigma", "2", "--gamma", "0", "--k", "1.5")]
    [InlineData("--model", "as", "--mid", "100", "--inventory", "0", "--sigma", "-2", "--gamma", "0.1", "--k", "1.5")]
    [InlineData("--model", "glft", "--mid", "100", "--inventory", "0", "--sigma", "2", "--gamma", "0.1", "--k", "1.5")]
    [InlineData("--model", "glft", "--mid", "100", "--inventory", "0", "--sigma", "2", "--gamma", "0.1", "--k", "1.5", "--A", "0")]
    [InlineData("--model", "as", "--mid", "100", "--inventory", "0", "--sigma", "2", "--gamma", "0.1", "--k", "1.5", "--A", "140")]
    [InlineData("--model", "xyz", "--mid", "100", "--inventory", "0", "--sigma", "2", "--gamma", "0.1", "--k", "1.5")]
    [InlineData("--model", "as", "--mid", "NaN", "--inventory", "0", "--sigma", "2", "--gamma", "0.1", "--k", "1.5")]
    [InlineData("--model", "as", "--mid", "100", "--sigma", "2", "--gamma", "0.1", "--k", "1.5")]
    [InlineData("--model", "as", "--mid", "100", "--inventory", "0", "--sigma", "2", "--gamma", "0.1", "--k", "1.5", "--bogus", "1")]
    [InlineData("--model", "as", "--mid", "1e308", "--inventory", "1e308", "--sigma", "1e10", "--gamma", "1e10", "--k", "1.5", "--json")]
    public void Bad_input_is_a_one_line_error_with_exit_code_2(params string[] args)
    {
        CliRun.AssertOneLineUsageError(Run(args));
    }

    [Fact]
    public void A_rejected_parameter_is_named_with_its_typed_reason()
    {
        var (_, _, error) = Run("--model", "as", "--mid", "100", "--inventory", "0", "--sigma", "2", "--gamma", "-1", "--k", "1.5");

        Assert.Equal("error: gamma must be > 0, got -1 (NonPositiveRiskAversion)", error.Trim());
    }

    [Fact]
    public void Inputs_whose_quote_overflows_are_a_typed_error_not_infinity_in_the_output()
    {
        var (code, output, error) = Run("--model", "as", "--mid", "1e308", "--inventory", "1e308", "--sigma", "1e10", "--gamma", "1e10", "--k", "1.5", "--json");

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("(QuoteNotFinite)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_names_every_model_and_option_and_exits_0()
    {
        var (code, output, error) = Run("--help");

        Assert.Equal(0, code);
        Assert.Empty(error);
        foreach (string word in new[] { "as", "glft", "symmetric", "--mid", "--inventory", "--sigma", "--gamma", "--k", "--A", "--time-left", "--json" })
            Assert.Contains(word, output, StringComparison.Ordinal);
    }
}
