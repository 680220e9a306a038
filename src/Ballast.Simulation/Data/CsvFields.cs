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
    /// Blank lines are ignored. Timestamps must be unique; rows may come in any order and are returned oldest first.
    /// </summary>
    public static CsvReadResult<T> Read<T>(TextReader reader, string headerFirstField, int fieldCount,
        Func<string[], int, List<T>, CsvReadResult<T>?> parseRow, Func<T, DateTime> timeOf)
    {
        var rows = new List<T>();
        var seen = new HashSet<DateTime>();
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
            if (!seen.Add(timeOf(rows[^1])))
                return CsvReadResult<T>.Fail(CsvError.DuplicateTimestamp, lineNumber, $"timestamp {timeOf(rows[^1]):yyyy-MM-dd HH:mm} appears twice");
        }

        if (headerLine == 0) return CsvReadResult<T>.Fail(CsvError.MissingHeader, 0, $"no header line starting with '{headerFirstField},'");
        if (rows.Count == 0) return CsvReadResult<T>.Fail(CsvError.Empty, 0, "no data rows");
        // Sorting rather than demanding one direction: the Coinbase file is newest first but has a block of rows out of
        // order on 2017-11-12 (see the Simulation README); timestamps are unique, so the sort is unambiguous.
        rows.Sort((a, b) => timeOf(a).CompareTo(timeOf(b)));
        return new CsvReadResult<T>(rows, CsvError.None, 0, "");
    }
}
