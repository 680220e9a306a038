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

    public static int Run(string[] argv, TextWriter stdout, TextWriter stderr)
    {
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
