namespace Ballast.Cli;

/// <summary>
/// A small CSV table of options for <c>ballast price --csv</c> and <c>ballast iv --csv</c>: comma-separated, one
/// header line (column names case-insensitive, any order), no quoting in input cells, blank lines and lines
/// starting with '#' ignored. Every problem is a <see cref="CliUsageException"/> naming the file, row and column.
/// </summary>
public sealed class OptionCsv
{
    private OptionCsv(string path, string[] header, List<(int Line, string[] Cells)> rows)
    {
        Path = path;
        Header = header;
        Rows = rows;
    }

    /// <summary>The file as named on the command line (used in error messages).</summary>
    public string Path { get; }

    /// <summary>Column names as written in the file, trimmed.</summary>
    public string[] Header { get; }

    /// <summary>Data rows with their 1-based line number in the file.</summary>
    public IReadOnlyList<(int Line, string[] Cells)> Rows { get; }

    /// <summary>CSV column name of an option field.</summary>
    public static string Column(OptionField field) => field switch
    {
        OptionField.Rate => "r",
        OptionField.Div => "q",
        OptionField.Time => "t",
        _ => field.ToString().ToLowerInvariant(),
    };

    /// <summary>Reads and checks the header: every <paramref name="required"/> column present, nothing outside required ∪ optional, no duplicates.</summary>
    public static OptionCsv Read(string path, OptionField[] required, OptionField[] optional)
    {
        if (!File.Exists(path)) throw new CliUsageException($"--csv: file '{path}' not found");
        string[] header = [];
        var rows = new List<(int, string[])>();
        int line = 0;
        foreach (string raw in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(raw) || raw.TrimStart().StartsWith('#')) continue;
            string[] cells = raw.Split(',').Select(c => c.Trim()).ToArray();
            if (header.Length == 0) { header = cells; continue; }
            if (cells.Length != header.Length)
                throw new CliUsageException($"{path} row {rows.Count + 1} (line {line}): {cells.Length} cells but the header has {header.Length} columns");
            rows.Add((line, cells));
        }

        if (header.Length == 0) throw new CliUsageException($"{path}: no header line (expected columns {string.Join(",", required.Select(Column))})");
        var known = required.Concat(optional).Select(Column).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < header.Length; i++)
        {
            string name = header[i].ToLowerInvariant();
            if (!known.Contains(name))
                throw new CliUsageException($"{path} header, column {i + 1}: unknown column '{header[i]}' (allowed: {string.Join(",", required.Concat(optional).Select(Column))})");
            if (!seen.Add(name)) throw new CliUsageException($"{path} header, column {i + 1}: column '{header[i]}' appears twice");
        }

        foreach (var field in required)
        {
            if (!seen.Contains(Column(field))) throw new CliUsageException($"{path} header: missing required column '{Column(field)}'");
        }

        return new OptionCsv(path, header, rows);
    }

    /// <summary>The option fields of data row <paramref name="index"/> (0-based).</summary>
    public IOptionFieldSource Row(int index) => new RowSource(this, index);

    /// <summary>Writes one CSV line, quoting cells that contain a comma, quote or line break (RFC 4180).</summary>
    public static void WriteLine(TextWriter writer, IEnumerable<string> cells)
        => writer.WriteLine(string.Join(",", cells.Select(Escape)));

    private static string Escape(string cell)
        => cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;

    private sealed class RowSource(OptionCsv table, int index) : IOptionFieldSource
    {
        public string? Text(OptionField field)
        {
            int column = Array.FindIndex(table.Header, h => string.Equals(h, Column(field), StringComparison.OrdinalIgnoreCase));
            if (column < 0) return null;
            string cell = table.Rows[index].Cells[column];
            return cell.Length == 0 ? null : cell;
        }

        public CliUsageException Error(OptionField field, string message)
            => new($"{table.Path} row {index + 1} (line {table.Rows[index].Line}), column '{Column(field)}': {message}");
    }
}
