namespace Ballast.Simulation.Data;

/// <summary>Rows read from a CSV (oldest first), or the typed reason and line where reading stopped.</summary>
/// <typeparam name="T">Row type.</typeparam>
/// <param name="Rows">The rows when <see cref="Error"/> is None; empty otherwise.</param>
/// <param name="Error">Reason, or None.</param>
/// <param name="LineNumber">1-based line of the problem (0 when accepted or not tied to a line).</param>
/// <param name="Message">Human-readable reason including the line, empty when accepted.</param>
public sealed record CsvReadResult<T>(IReadOnlyList<T> Rows, CsvError Error, int LineNumber, string Message)
{
    /// <summary>True when the file was read.</summary>
    public bool IsAccepted => Error == CsvError.None;

    internal static CsvReadResult<T> Fail(CsvError error, int line, string message)
        => new([], error, line, line > 0 ? $"line {line}: {message}" : message);
}
