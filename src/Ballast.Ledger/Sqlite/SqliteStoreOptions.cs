namespace Ballast.Ledger.Sqlite;

/// <summary>Where and how the SQLite ledger lives.</summary>
/// <param name="Path">The single database file (a <c>-wal</c> and <c>-shm</c> file appear beside it while open).</param>
public sealed record SqliteStoreOptions(string Path)
{
    /// <summary>
    /// Cap on the file size in pages (SQLite <c>PRAGMA max_page_count</c>); writes beyond it fail with
    /// SQLITE_FULL exactly as on a full disk. Null = no cap.
    /// </summary>
    public long? MaxPageCount { get; init; }

    /// <summary>
    /// Open for reading only (audits, exports): nothing is created, migrated or repaired, and every write is
    /// refused as <see cref="AppendOutcome.StoreHalted"/>. The schema must be exactly the build's version.
    /// </summary>
    public bool ReadOnly { get; init; }
}
