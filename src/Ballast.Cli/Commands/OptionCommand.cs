namespace Ballast.Cli;

/// <summary>
/// The shared shell of <c>ballast price</c> and <c>ballast iv</c>: <c>--help</c>, then either <c>--csv FILE</c>
/// (which takes no other option) or one option described by options, with <c>--json</c> output.
/// </summary>
public static class OptionCommand
{
    /// <summary>Dispatches to <paramref name="runCsv"/>(path) or <paramref name="runSingle"/>(args, json); both write to stdout.</summary>
    public static int Run(string[] argv, string help, TextWriter stdout, Func<string, int> runCsv, Func<CliArgs, bool, int> runSingle)
    {
        if (argv.Contains("--help") || argv.Contains("-h"))
        {
            stdout.WriteLine(help);
            return CliApp.ExitOk;
        }

        var args = new CliArgs(argv, "json");
        string? csv = args.Optional("csv");
        bool json = args.Flag("json");
        if (csv is null) return runSingle(args, json);

        // Every field comes from the file, so single-option options (and --json) next to --csv are mistakes.
        if (json) throw new CliUsageException("--json cannot be combined with --csv (the output is CSV)");
        foreach (var field in OptionInputs.ContractFields)
        {
            string name = ArgsFieldSource.Name(field);
            if (args.Optional(name) is not null) throw new CliUsageException($"--{name} cannot be combined with --csv (the file gives every field)");
        }

        args.EnsureAllUsed();
        return runCsv(csv);
    }
}
