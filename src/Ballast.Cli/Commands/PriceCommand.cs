using System.Globalization;
using Ballast.Pricing;

namespace Ballast.Cli;

/// <summary><c>ballast price</c>: one option from options, or every row of a CSV.</summary>
public static class PriceCommand
{
    public static int Run(string[] argv, TextWriter stdout, TextWriter stderr)
    {
        var args = new CliArgs(argv, "json");
        var type = args.Choice("type", null, "call", "put") == "call" ? OptionType.Call : OptionType.Put;
        double spot = args.RequireDouble("spot"), strike = args.RequireDouble("strike");
        double rate = args.RequireDouble("rate"), div = args.OptionalDouble("div", 0.0);
        double time = args.RequireDouble("time"), vol = args.RequireDouble("vol");
        bool json = args.Flag("json");
        args.EnsureAllUsed();
        var error = PricingInputs.Validate(spot, strike, rate, div, time, vol, out string? bad);
        if (error != PricingInputError.None) throw new CliUsageException($"--{bad}: {error}");
        var g = BlackScholesMerton.Greeks(type, spot, strike, rate, div, time, vol);
        stdout.WriteLine(json
            ? string.Create(CultureInfo.InvariantCulture, $"{{\"price\":{g.Price:R},\"delta\":{g.Delta:R},\"gamma\":{g.Gamma:R},\"vega\":{g.Vega:R},\"theta\":{g.Theta:R},\"rho\":{g.Rho:R}}}")
            : string.Create(CultureInfo.InvariantCulture, $"price {g.Price:F6}  delta {g.Delta:F6}  gamma {g.Gamma:F6}  vega {g.Vega:F6}  theta {g.Theta:F6}  rho {g.Rho:F6}"));
        return CliApp.ExitOk;
    }
}
