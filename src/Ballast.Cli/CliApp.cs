using System.Globalization;
using Ballast.Pricing;

namespace Ballast.Cli;

/// <summary>Dispatches <c>ballast</c> sub-commands. Exit codes: 0 success, 2 user error, 1 internal failure.</summary>
public static class CliApp
{
    public const int ExitOk = 0;
    public const int ExitUserError = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            stdout.WriteLine(Usage);
            return args.Length == 0 ? ExitUserError : ExitOk;
        }

        try
        {
            return args[0] switch
            {
                "price" => PriceDemo(args[1..], stdout),
                _ => throw new CliUsageException($"unknown command '{args[0]}' (try 'ballast --help')"),
            };
        }
        catch (CliUsageException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return ExitUserError;
        }
    }

    private static int PriceDemo(string[] args, TextWriter stdout)
    {
        var g = BlackScholesMerton.Greeks(OptionType.Call, 100, 100, 0.05, 0.0, 1.0, 0.2);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"price {g.Price:R}"));
        return ExitOk;
    }

    public const string Usage = """
        ballast — options market-maker inventory engine

        usage: ballast <command> [options]

        commands:
          price     price a European/American option and its Greeks
        """;
}

/// <summary>A user mistake on the command line: printed as one line, exit code 2.</summary>
public sealed class CliUsageException(string message) : Exception(message);
