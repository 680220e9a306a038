using Ballast.Pricing;

namespace Ballast.Cli;

/// <summary><c>ballast iv</c>: implied volatility of one option price, or of every row of a CSV file.</summary>
public static class IvCommand
{
    /// <summary>Text of <c>ballast iv --help</c>.</summary>
    public const string Help = """
        usage: ballast iv --type call|put --spot S [--div q] --strike K --rate r --time T --price P [--model bsm] [--json]
               ballast iv --type call|put --forward F --strike K --rate r --time T --price P [--model black76] [--json]
               ballast iv --csv FILE

        Implied volatility (per √year) of a European option price.
          --model   bsm (default) or black76 (default when only --forward is given)
          --price   the option's present value in the price currency (≥ 0)
          --json    print {"vol":..}
          --csv     solve every row of FILE: header with type,strike,r,t,price and spot,q (bsm rows) or forward
                    (black76 rows), optional model; any order. Writes the input columns plus vol,error as CSV.
        A price outside the no-arbitrage bounds (below the discounted intrinsic value, or at/above the discounted
        forward for a call or strike for a put) has no implied volatility: for one option that is a one-line error
        (exit code 2); in a CSV the row gets an empty vol cell and the reason in its error column (exit code 0).
        Bad input (missing, non-numeric, NaN, negative price, spot/strike ≤ 0, time ≤ 0, unknown option or column)
        is a one-line error naming the option, or the row and column, with exit code 2 and no output.
        """;

    private static readonly OptionField[] CsvRequired = [OptionField.Type, OptionField.Strike, OptionField.Rate, OptionField.Time, OptionField.Price];
    private static readonly OptionField[] CsvOptional = [OptionField.Spot, OptionField.Div, OptionField.Forward, OptionField.Model];

    /// <summary>Runs the command; 0 on success, 2 (via <see cref="CliUsageException"/>) on bad input.</summary>
    public static int Run(string[] argv, TextWriter stdout, TextWriter stderr)
        => OptionCommand.Run(argv, Help, stdout, path => RunCsv(path, stdout), (args, json) => RunSingle(args, json, stdout));

    private static int RunSingle(CliArgs args, bool json, TextWriter stdout)
    {
        var source = new ArgsFieldSource(args);
        var result = Solve(source);
        args.EnsureAllUsed();
        if (!result.IsSuccess) throw source.Error(OptionField.Price, result.Message);
        string vol = OptionInputs.Format(result.Vol);
        stdout.WriteLine(json ? $"{{\"vol\":{vol}}}" : $"vol {vol}");
        return CliApp.ExitOk;
    }

    private static int RunCsv(string path, TextWriter stdout)
    {
        var table = OptionCsv.Read(path, CsvRequired, CsvOptional);
        var lines = new List<string[]>(table.Rows.Count);
        for (int i = 0; i < table.Rows.Count; i++)
        {
            var result = Solve(table.Row(i));
            lines.Add(result.IsSuccess
                ? [.. table.Rows[i].Cells, OptionInputs.Format(result.Vol), ""]
                : [.. table.Rows[i].Cells, "", result.Message]);
        }

        OptionCsv.WriteLine(stdout, [.. table.Header, "vol", "error"]);
        foreach (var line in lines) OptionCsv.WriteLine(stdout, line);
        return CliApp.ExitOk;
    }

    // Validates one option (usage errors throw) and solves; an arbitrage-violating price is a failed result.
    private static ImpliedVolResult Solve(IOptionFieldSource source)
    {
        var inputs = OptionInputs.Read(source, CliModel.Bsm, CliModel.Black76);
        double price = OptionInputs.RequiredNonNegative(source, OptionField.Price);
        if (!(inputs.Time > 0)) throw source.Error(OptionField.Time, "must be > 0 years for an implied volatility");
        return inputs.Model == CliModel.Black76
            ? ImpliedVolatility.ForBlack76(inputs.Type, price, inputs.Underlying, inputs.Strike, inputs.Rate, inputs.Time)
            : ImpliedVolatility.ForBlackScholes(inputs.Type, price, inputs.Underlying, inputs.Strike, inputs.Rate, inputs.Div, inputs.Time);
    }
}
