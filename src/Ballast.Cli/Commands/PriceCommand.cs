using System.Globalization;

namespace Ballast.Cli;

/// <summary><c>ballast price</c>: price and Greeks of one option from options, or of every row of a CSV file.</summary>
public static class PriceCommand
{
    /// <summary>Text of <c>ballast price --help</c>.</summary>
    public const string Help = """
        usage: ballast price --type call|put --spot S --strike K --rate r [--div q] --time T --vol v [--model bsm|baw|bjs] [--json]
               ballast price --type call|put --forward F --strike K --rate r --time T --vol v [--model black76] [--json]
               ballast price --csv FILE

        Prices one option and its Greeks: vega and rho per 1.00 (not per 1%), theta per year (= −dV/dT).
          --model   bsm (default; Black-Scholes-Merton), black76 (default when only --forward is given),
                    baw (Barone-Adesi-Whaley American), bjs (Bjerksund-Stensland 2002 American; Greeks of the
                    American models are central finite differences; theta is omitted at T = 0)
          --div     continuous dividend/carry yield (default 0); not used by black76
          --json    print {"price":..,"delta":..,"gamma":..,"vega":..,"theta":..,"rho":..}; a Greek the model
                    cannot give is omitted
          --csv     price every row of FILE: header with type,strike,r,t,vol and spot,q (bsm/baw/bjs rows) or
                    forward (black76 rows), optional model; any order. Writes the input columns plus
                    price,delta,gamma,vega,theta,rho as CSV (invariant culture, round-trip numbers) to stdout.
        Bad input (missing, non-numeric, NaN, negative spot/strike/time/vol, unknown option or column) is a one-line
        error naming the option, or the row and column, with exit code 2; nothing is written for a bad CSV.
        """;

    private static readonly OptionField[] CsvRequired = [OptionField.Type, OptionField.Strike, OptionField.Rate, OptionField.Time, OptionField.Vol];
    private static readonly OptionField[] CsvOptional = [OptionField.Spot, OptionField.Div, OptionField.Forward, OptionField.Model];
    private static readonly CliModel[] AllModels = [CliModel.Bsm, CliModel.Black76, CliModel.Baw, CliModel.Bjs];

    /// <summary>Runs the command; 0 on success, 2 (via <see cref="CliUsageException"/>) on bad input.</summary>
    public static int Run(string[] argv, TextWriter stdout, TextWriter stderr)
        => OptionCommand.Run(argv, Help, stdout, path => RunCsv(path, stdout), (args, json) => RunSingle(args, json, stdout));

    private static int RunSingle(CliArgs args, bool json, TextWriter stdout)
    {
        var source = new ArgsFieldSource(args);
        var inputs = OptionInputs.Read(source, AllModels);
        double vol = OptionInputs.RequiredNonNegative(source, OptionField.Vol);
        args.EnsureAllUsed();
        double?[] results = inputs.PriceAndGreeks(vol);
        stdout.WriteLine(json ? Json(results) : Text(results));
        return CliApp.ExitOk;
    }

    private static int RunCsv(string path, TextWriter stdout)
    {
        var table = OptionCsv.Read(path, CsvRequired, CsvOptional);
        // Validate and price every row before writing anything, so a bad row leaves no partial output.
        var lines = new List<string[]>(table.Rows.Count);
        for (int i = 0; i < table.Rows.Count; i++)
        {
            var source = table.Row(i);
            var inputs = OptionInputs.Read(source, AllModels);
            double vol = OptionInputs.RequiredNonNegative(source, OptionField.Vol);
            double?[] results = inputs.PriceAndGreeks(vol);
            lines.Add([.. table.Rows[i].Cells, .. results.Select(r => r is double d ? OptionInputs.Format(d) : "")]);
        }

        OptionCsv.WriteLine(stdout, [.. table.Header, .. OptionInputs.ResultNames]);
        foreach (var line in lines) OptionCsv.WriteLine(stdout, line);
        return CliApp.ExitOk;
    }

    private static string Json(double?[] results)
        => "{" + string.Join(",", OptionInputs.ResultNames.Zip(results)
            .Where(p => p.Second.HasValue)
            .Select(p => $"\"{p.First}\":{OptionInputs.Format(p.Second!.Value)}")) + "}";

    private static string Text(double?[] results)
        => string.Join("  ", OptionInputs.ResultNames.Zip(results)
            .Where(p => p.Second.HasValue)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.First} {p.Second!.Value:F6}")));
}
