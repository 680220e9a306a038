namespace Ballast.Simulation.Data;

/// <summary>Why a market-data CSV was refused; the result also names the 1-based line.</summary>
public enum CsvError
{
    /// <summary>The file was read.</summary>
    None = 0,

    /// <summary>No data rows.</summary>
    Empty,

    /// <summary>The expected header line was not found (only one banner line may precede it).</summary>
    MissingHeader,

    /// <summary>A row has the wrong number of fields.</summary>
    WrongFieldCount,

    /// <summary>A timestamp could not be parsed.</summary>
    BadTimestamp,

    /// <summary>A number could not be parsed or is not finite.</summary>
    BadNumber,

    /// <summary>Prices are inconsistent: not positive, or high/low do not bracket open and close.</summary>
    InconsistentPrices,

    /// <summary>Two rows have the same timestamp.</summary>
    DuplicateTimestamp,
}
