namespace Ballast.Simulation.Data;

/// <summary>
/// Reads hourly candles in the CryptoDataDownload layout of shared/data/btcusd_1h_coinbase_2017-2019.csv: an optional
/// banner line, the header <c>date,symbol,open,high,low,close,volume_btc,volume</c>, rows newest first (any order is accepted, duplicates are not) with dates like
/// <c>2019-10-17 09-AM</c> (12-hour clock, UTC). Returns candles oldest first or a typed error naming the line.
/// </summary>
public static class CandleCsvReader
{
    private const int FieldCount = 8;

    /// <summary>Reads a candle file from disk.</summary>
    public static CsvReadResult<Candle> ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader);
    }

    /// <summary>Reads candles from any text source.</summary>
    public static CsvReadResult<Candle> Read(TextReader reader)
        => CsvFields.Read<Candle>(reader, "date", FieldCount, ParseRow, c => c.OpenTimeUtc);

    private static CsvReadResult<Candle>? ParseRow(string[] f, int line, List<Candle> rows)
    {
        if (!CsvFields.TryTimestamp(f[0], out DateTime time))
            return CsvReadResult<Candle>.Fail(CsvError.BadTimestamp, line, $"'{f[0]}' is not a timestamp like 2019-10-17 09-AM");
        Span<double> v = stackalloc double[6];
        string[] names = ["open", "high", "low", "close", "volume_btc", "volume"];
        for (int i = 0; i < 6; i++)
        {
            if (!CsvFields.TryNumber(f[i + 2], out v[i]))
                return CsvReadResult<Candle>.Fail(CsvError.BadNumber, line, $"{names[i]} '{f[i + 2]}' is not a finite number");
        }

        var candle = new Candle(time, v[0], v[1], v[2], v[3], v[4], v[5]);
        if (candle.Low <= 0 || candle.High < Math.Max(candle.Open, candle.Close) || candle.Low > Math.Min(candle.Open, candle.Close))
            return CsvReadResult<Candle>.Fail(CsvError.InconsistentPrices, line,
                $"prices must be > 0 with low <= open, close <= high (open {candle.Open}, high {candle.High}, low {candle.Low}, close {candle.Close})");
        if (candle.VolumeBase < 0 || candle.VolumeQuote < 0)
            return CsvReadResult<Candle>.Fail(CsvError.BadNumber, line, "volumes must be >= 0");
        rows.Add(candle);
        return null;
    }
}
