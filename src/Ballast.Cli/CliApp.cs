namespace Ballast.Cli;

/// <summary>Dispatches <c>ballast</c> sub-commands. Exit codes: 0 success, 2 user error, 1 internal failure.</summary>
public static class CliApp
{
    public const int ExitOk = 0;
    public const int ExitFailure = 1;
    public const int ExitUserError = 2;

    /// <summary>A sub-command: its arguments after the name, stdout, stderr → exit code.</summary>
    public delegate int Command(string[] args, TextWriter stdout, TextWriter stderr);

    // One line per sub-command; each lives in Commands/<Name>Command.cs.
    private static readonly SortedDictionary<string, (Command Run, string Summary)> Commands = new(StringComparer.Ordinal)
    {
        ["cluster"] = (ClusterCommand.Run, "cluster silo|drive|bench: vaults as Orleans grains; silo [--postgres CONN --clustering postgres], drive trades through any node, loopback throughput"),
        ["keys"] = (KeysCommand.Run, "keys create --role ROLE [--account ID] [--db PATH]: create an API key for the server (printed once)"),
        ["ledger"] = (LedgerCommand.Run, "ledger export|verify --db PATH: export (jsonl) or verify a SQLite event ledger"),
        ["replay"] = (ReplayCommand.Run, "replay --db PATH | --postgres CONN [--vault ID] [--verify] [--json]: rebuild vault state from a ledger (SQLite or PostgreSQL); --verify checks chain, gaps, snapshots, money"),
        ["quote"] = (QuoteCommand.Run, "quote --vault FILE --series NAME --side buy|sell --size N: quote a trade against a vault file: premium, each fee, inventory term, total, Greeks"),
        ["margin"] = (MarginCommand.Run, "margin --account FILE.json [--mode standard|portfolio]: initial/maintenance margin, worst scenario and per-position contributions of an account JSON"),
        ["price"] = (PriceCommand.Run, "price --type call|put --spot S --strike K ...: price a European/American option and its Greeks (or every row of a CSV)"),
        ["iv"] = (IvCommand.Run, "iv --type call|put --price P ...: implied volatility from an option price (or every row of a CSV)"),
        ["quote-mm"] = (QuoteMmCommand.Run, "quote-mm --model as|glft|symmetric ...: market-making bid/ask: Avellaneda-Stoikov, GLFT or symmetric"),
        ["pool"] = (PoolCommand.Run, "pool waterfall --nav X --tranches FILE.json: split a NAV between risk tranches"),
        ["serve"] = (ServeCommand.Run, "serve: run the vault service: HTTP API, stream, dashboard, metrics [--db PATH | --postgres CONN] [--urls URL] [--paper]"),
        ["simulate"] = (SimulateCommand.Run, "simulate [--preset NAME] [--paths N] [--seed S] [--out DIR] [--json]: simulate a vault against order flow (presets: default, calm, crash, toxic-flow, btc-2017-2019, avellaneda-stoikov, ...)"),
        ["vault"] = (VaultCommand.Run, "vault status|report --db PATH [--json]: the liquidity pool from a ledger: NAV, tranche share prices, utilisation, queues, breakers"),
        ["surface"] = (SurfaceFitCommand.Run, "surface fit --chain FILE.json: fit SVI per expiry to a Deribit chain, check arbitrage, plot"),
    };

    // Sub-commands that print their own detailed help for -h/--help.
    private static readonly HashSet<string> OwnHelp = new(StringComparer.Ordinal) { "price", "iv", "surface", "quote", "quote-mm" };

    /// <summary>The sub-command names, for tests and help.</summary>
    public static IEnumerable<string> CommandNames => Commands.Keys;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            stdout.WriteLine(Usage());
            return args.Length == 0 ? ExitUserError : ExitOk;
        }

        if (!Commands.TryGetValue(args[0], out var command))
        {
            stderr.WriteLine($"error: unknown command '{args[0]}' (try 'ballast --help')");
            return ExitUserError;
        }

        // Commands with their own detailed --help handle it; for the rest, --help prints the table's line for the command.
        if (!OwnHelp.Contains(args[0]) && args.Skip(1).Any(a => a is "-h" or "--help"))
        {
            stdout.WriteLine($"usage: ballast {command.Summary}");
            stdout.WriteLine("(examples: README.md, '30-second tour'; a mistake prints one line on stderr and exits 2)");
            return ExitOk;
        }

        try
        {
            return command.Run(args[1..], stdout, stderr);
        }
        catch (CliUsageException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return ExitUserError;
        }
    }

    public static string Usage()
    {
        var lines = new List<string> { "ballast — options market-maker inventory engine", "", "usage: ballast <command> [options]", "", "commands:" };
        foreach (var (name, (_, summary)) in Commands) lines.Add($"  {name,-12} {summary}");
        return string.Join(Environment.NewLine, lines);
    }
}

/// <summary>A user mistake on the command line or in an input file: printed as one line, exit code 2.</summary>
public sealed class CliUsageException(string message) : Exception(message);
