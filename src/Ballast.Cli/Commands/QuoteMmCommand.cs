using System.Globalization;
using Ballast.Engine.MarketMaking;

namespace Ballast.Cli;

/// <summary>
/// <c>ballast quote-mm</c>: one market-making quote from Avellaneda-Stoikov, GLFT asymptotics or the symmetric benchmark
/// (see Ballast.Engine.MarketMaking for formulas, units and sources).
/// </summary>
public static class QuoteMmCommand
{
    /// <summary>Default T − t for the horizon-dependent models: the whole horizon of AS 2008 §3.3 (T = 1).</summary>
    private const double DefaultTimeLeft = 1.0;

    /// <summary>Text of <c>ballast quote-mm --help</c>.</summary>
    public const string Help = """
        usage: ballast quote-mm --model as|glft|symmetric --mid S --inventory q --sigma σ --gamma γ --k k [--A A] [--time-left τ] [--json]

        One market-making quote (units: σ in price units per √time unit; γ and k per price unit; A fills per time unit).
          --model       as: Avellaneda-Stoikov 2008, reservation s − qγσ²τ, spread γσ²τ + (2/γ)ln(1 + γ/k);
                        glft: Guéant-Lehalle-Fernandez-Tapia asymptotics (needs --A, takes no --time-left);
                        symmetric: the zero-inventory A-S spread around the mid
          --time-left   τ = T − t for as/symmetric (default 1)
          --json        print {"bid":..,"ask":..,"reservation":..,"spread":..}
        Bad input (missing, NaN, mid ≤ 0, σ < 0, γ ≤ 0, k ≤ 0, A ≤ 0, τ < 0, an option the model does not use, or inputs
        whose quote overflows) is a one-line error with its typed reason and exit code 2.
        """;

    public static int Run(string[] argv, TextWriter stdout, TextWriter stderr)
    {
        if (argv.Contains("--help") || argv.Contains("-h"))
        {
            stdout.WriteLine(Help);
            return CliApp.ExitOk;
        }

        var args = new CliArgs(argv, "json");
        string model = args.Choice("model", null, "as", "glft", "symmetric");
        double mid = args.RequireDouble("mid"), inventory = args.RequireDouble("inventory");
        double sigma = args.RequireDouble("sigma"), gamma = args.RequireDouble("gamma"), k = args.RequireDouble("k");
        double? arrival = args.OptionalDouble("A");
        double? timeLeft = args.OptionalDouble("time-left");
        bool json = args.Flag("json");
        args.EnsureAllUsed();

        // Each model takes exactly the parameters its formula uses, so a silently ignored option cannot mislead.
        if (model == "glft" && arrival is null) throw new CliUsageException("--model glft needs --A (fills per time unit at zero distance)");
        if (model == "glft" && timeLeft is not null) throw new CliUsageException("--time-left is not used by --model glft (its quotes are the T → ∞ asymptotics)");
        if (model != "glft" && arrival is not null) throw new CliUsageException($"--A is only used by --model glft, not {model}");

        var result = model switch
        {
            "as" => AvellanedaStoikov.Quote(mid, inventory, sigma, gamma, k, timeLeft ?? DefaultTimeLeft),
            "glft" => GueantLehalleFernandezTapia.Quote(mid, inventory, sigma, gamma, k, arrival!.Value),
            _ => SymmetricQuoting.Quote(mid, inventory, sigma, gamma, k, timeLeft ?? DefaultTimeLeft),
        };
        if (!result.IsAccepted) throw new CliUsageException($"{result.Message} ({result.Error})");

        var q = result.Quote;
        stdout.WriteLine(json
            ? string.Create(CultureInfo.InvariantCulture, $"{{\"bid\":{q.Bid:R},\"ask\":{q.Ask:R},\"reservation\":{q.Reservation:R},\"spread\":{q.Spread:R}}}")
            : string.Create(CultureInfo.InvariantCulture, $"bid {q.Bid:F6}  ask {q.Ask:F6}  reservation {q.Reservation:F6}  spread {q.Spread:F6}"));
        return CliApp.ExitOk;
    }
}
