namespace Ballast.Cli;

/// <summary>Where the fields of one option come from: command-line options or one CSV row.</summary>
public interface IOptionFieldSource
{
    /// <summary>The field's text, or null when absent or empty.</summary>
    string? Text(OptionField field);

    /// <summary>A one-line usage error naming the field (and for CSV the row and column).</summary>
    CliUsageException Error(OptionField field, string message);
}
