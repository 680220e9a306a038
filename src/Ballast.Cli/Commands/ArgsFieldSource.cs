namespace Ballast.Cli;

/// <summary>Option fields read from command-line options (<c>--type</c>, <c>--spot</c>, <c>--div</c>, <c>--rate</c>, <c>--time</c>, ...).</summary>
public sealed class ArgsFieldSource(CliArgs args) : IOptionFieldSource
{
    /// <summary>The option name of a field, without dashes.</summary>
    public static string Name(OptionField field) => field.ToString().ToLowerInvariant();

    /// <inheritdoc />
    public string? Text(OptionField field)
    {
        string? v = args.Optional(Name(field));
        return string.IsNullOrWhiteSpace(v) ? null : v.Trim();
    }

    /// <inheritdoc />
    public CliUsageException Error(OptionField field, string message) => new($"--{Name(field)}: {message}");
}
