namespace Ballast.Simulation.Data;

/// <summary>
/// Reads a funding-rate series: header <c>time,rate</c> (optionally after one banner line), one row per observation,
/// ISO-8601 UTC timestamps, rates as annualised fractions; any time order, unique timestamps. Returns points oldest first.
/// </summary>
public static class FundingRateCsvReader
{
    /// <summary>Reads funding rates from any text source.</summary>
    public static CsvReadResult<FundingRatePoint> Read(TextReader reader)
        => CsvFields.Read<FundingRatePoint>(reader, "time", 2, ParseRow, p => p.TimeUtc);

    private static CsvReadResult<FundingRatePoint>? ParseRow(string[] f, int line, List<FundingRatePoint> rows)
    {
        if (!CsvFields.TryTimestamp(f[0], out DateTime time))
            return CsvReadResult<FundingRatePoint>.Fail(CsvError.BadTimestamp, line, $"'{f[0]}' is not an ISO-8601 timestamp");
        if (!CsvFields.TryNumber(f[1], out double rate))
            return CsvReadResult<FundingRatePoint>.Fail(CsvError.BadNumber, line, $"rate '{f[1]}' is not a finite number");
        rows.Add(new FundingRatePoint(time, rate));
        return null;
    }
}
