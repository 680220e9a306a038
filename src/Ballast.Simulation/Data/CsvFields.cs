using System.Globalization;

namespace Ballast.Simulation.Data;

/// <summary>Parsing helpers shared by the market-data readers (invariant culture, UTC).</summary>
internal static class CsvFields
{
    // CryptoDataDownload writes hours as "2019-10-17 09-AM" (12-hour clock, UTC); ISO forms are accepted too.
    private static readonly string[] TimestampFormats =
        ["yyyy-MM-dd hh-tt", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd"];

    public static bool TryTimestamp(string text, out DateTime utc)
        => DateTime.TryParseExact(text.Trim(), TimestampFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out utc);

    public static bool TryNumber(string text, out double value)
        => double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>
    /// Reads lines, skipping at most one banner line before the header (matched by its first field), and hands each
    /// data row with its 1-based line number to <paramref name="parseRow"/>, which returns an error or adds the row.
    /// Blank lines are ignored. Rows must be strictly monotone in time in one direction; they come back oldest first.
    /// </summary>
    public static CsvReadResult<T> Read<T>(TextReader reader, string headerFirstField, int fieldCount,
        Func<string[], int, List<T>, CsvReadResult<T>?> parseRow, Func<T, DateTime> timeOf)
    {
        var rows = new List<T>();
        int lineNumber = 0, headerLine = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length == 0 || string.IsNullOrWhiteSpace(line)) continue;
            string[] fields = line.Split(',');
            if (headerLine == 0)
            {
                if (string.Equals(fields[0].Trim(), headerFirstField, StringComparison.OrdinalIgnoreCase)) { headerLine = lineNumber; continue; }
                if (lineNumber >= 2)
                    return CsvReadResult<T>.Fail(CsvError.MissingHeader, lineNumber, $"expected a header starting with '{headerFirstField},' on line 1 or 2");
                continue; // the banner
            }

            if (fields.Length != fieldCount)
                return CsvReadResult<T>.Fail(CsvError.WrongFieldCount, lineNumber, $"expected {fieldCount} fields, found {fields.Length}");
            var failure = parseRow(fields, lineNumber, rows);
            if (failure is not null) return failure;
            if (rows.Count >= 2)
            {
                DateTime first = timeOf(rows[0]), previous = timeOf(rows[^2]), current = timeOf(rows[^1]);
                bool descending = timeOf(rows[1]) < first;
                if (current == previous || (current < previous) != descending)
                    return CsvReadResult<T>.Fail(CsvError.OutOfOrder, lineNumber,
                        $"timestamp {current:yyyy-MM-dd HH:mm} breaks the file's {(descending ? "newest-first" : "oldest-first")} order after {previous:yyyy-MM-dd HH:mm}");
            }
        }

        if (headerLine == 0) return CsvReadResult<T>.Fail(CsvError.MissingHeader, 0, $"no header line starting with '{headerFirstField},'");
        if (rows.Count == 0) return CsvReadResult<T>.Fail(CsvError.Empty, 0, "no data rows");
        if (rows.Count >= 2 && timeOf(rows[1]) < timeOf(rows[0])) rows.Reverse();
        return new CsvReadResult<T>(rows, CsvError.None, 0, "");
    }
}
